package se.planpuls.api.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.RunningApp;

/** Plans in and out through the real server: the three seed shapes, idempotence, changes, bad files. */
class PlanImportApiTest {
    static final String OREBRO = "/plans/orebro-uppdrag-2024.csv";
    static final String SODRA = "/plans/sodra-verksamhetsplan-2022-2023.json";

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    private RunningApp running;

    @BeforeEach
    void start() {
        running = new RunningApp(dataDir);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void orebro_assignments_import_from_csv_with_their_report_back_dates_and_board() {
        var response = running.importCsv(RunningApp.resource(OREBRO));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("created").asInt()).isEqualTo(19);
        long planId = response.json().path("planId").asLong();
        JsonNode items = running.api.get("/api/v1/milestones?plan=" + planId + "&kind=assignment").json();
        assertThat(items).hasSize(19);
        JsonNode first = running.api.get("/api/v1/milestones/" + items.get(0).path("id").asLong()).json();
        assertThat(first.path("milestone").path("kind").asText()).isEqualTo("assignment");
        assertThat(first.path("milestone").path("dueDate").asText()).isEqualTo("2024-06-30");
        assertThat(first.path("milestone").path("reportTo").asText()).isEqualTo("Hälso- och sjukvårdsnämnden");
        assertThat(first.path("milestone").path("owner").path("name").asText())
                .isEqualTo("Hälso- och sjukvårdsförvaltningen");
        JsonNode nine = running.api.get("/api/v1/milestones/" + code(planId, "NR-9").path("id").asLong()).json();
        assertThat(nine.path("dependsOn")).hasSize(2);
    }

    @Test
    void sodra_recurring_commitments_import_from_json_with_their_frequency() {
        var response = running.importJson(RunningApp.resource(SODRA));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long planId = response.json().path("planId").asLong();
        JsonNode news = code(planId, "P4-NYHETSBREV");
        assertThat(news.path("kind").asText()).isEqualTo("recurring");
        assertThat(news.path("frequency").asText()).isEqualTo("quarterly");
        assertThat(news.path("startsOn").asText()).isEqualTo("2022-01-01");
        assertThat(running.api.get("/api/v1/milestones?plan=" + planId + "&kind=recurring").json()).hasSize(6);
    }

    @Test
    void each_seed_shape_round_trips_through_export_and_import_into_an_empty_database() {
        long orebro = running.importCsv(RunningApp.resource(OREBRO)).json().path("planId").asLong();
        long sodra = running.importJson(RunningApp.resource(SODRA)).json().path("planId").asLong();
        long skane = running.api.get("/api/v1/plans").json().get(0).path("id").asLong();
        List<String[]> exports = new ArrayList<>();
        for (long plan : new long[] {orebro, sodra, skane}) {
            exports.add(new String[] {export(running, plan, "json"), export(running, plan, "csv")});
        }

        running.close();
        running = new RunningApp(otherDataDir);
        RunningApp empty = running;
        {
            // The fresh server (one per JVM at a time: Quartz) loads the Skåne plan itself; the others arrive by import.
            for (int i = 0; i < exports.size(); i++) {
                for (int format = 0; format < 2; format++) {
                    String file = exports.get(i)[format];
                    var imported = format == 0 ? empty.importJson(file) : empty.importCsv(file);
                    assertThat(imported.status()).as(imported.body()).isIn(200, 201);
                    assertThat(imported.json().path("updated").asInt()).as(imported.body()).isZero();
                    long id = imported.json().path("planId").asLong();
                    assertThat(export(empty, id, format == 0 ? "json" : "csv")).isEqualTo(file);
                }
            }
        }
    }

    @Test
    void importing_the_same_file_twice_changes_nothing() {
        String csv = RunningApp.resource(OREBRO);
        running.importCsv(csv);
        long auditBefore = auditCount();

        var again = running.importCsv(csv);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("updated").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(19);
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void a_changed_reimport_updates_the_item_in_place_and_records_what_changed() {
        String csv = RunningApp.resource(OREBRO);
        long planId = running.importCsv(csv).json().path("planId").asLong();
        long id = code(planId, "NR-5").path("id").asLong();

        var changed = running.importCsv(csv.replace("Att ta fram en färdplan för akut omhändertagande och återkomma till nämnden med,",
                "Färdplan för akut omhändertagande,").replaceFirst("(NR-5,[^\\n]*?)2024-06-30", "$12024-09-30"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("updated").asInt()).isEqualTo(1);
        JsonNode change = changed.json().path("changes").get(0);
        assertThat(change.path("code").asText()).isEqualTo("NR-5");
        assertThat(change.path("fields")).extracting(JsonNode::asText).contains("title", "dueDate");
        assertThat(code(planId, "NR-5").path("id").asLong()).isEqualTo(id);
        JsonNode audit = running.api.get("/api/v1/audit?entity=milestone&entityId=" + id).json();
        JsonNode last = audit.get(audit.size() - 1);
        assertThat(last.path("before").path("dueDate").asText()).isEqualTo("2024-06-30");
        assertThat(last.path("after").path("dueDate").asText()).isEqualTo("2024-09-30");
        assertThat(last.path("after").path("title").asText()).isEqualTo("Färdplan för akut omhändertagande");
        assertThat(last.path("actor").asText()).isEqualTo("admin-1");
    }

    @Test
    void a_bad_csv_names_each_row_and_field_and_imports_nothing() {
        String csv = RunningApp.resource(OREBRO).replaceFirst("NR-2,(.*?)2024-06-30", "NR-2,$1next spring")
                .replace("assignment,NR-4,", "task,NR-4,");
        int plansBefore = running.api.get("/api/v1/plans").json().size();

        var response = running.importCsv(csv);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("row 3.due", "row 5.kind");
        assertThat(running.api.get("/api/v1/plans").json()).hasSize(plansBefore);
        assertThat(running.api.get("/api/v1/owners").json()).isEmpty();
    }

    @Test
    void csv_problems_are_named_by_the_files_own_columns() {
        String csv = RunningApp.resource(OREBRO).replace("NR-3 | NR-4", "NR-3 | NR-99")
                .replaceFirst("assignment,NR-7,(.*?),2024-06-30,", "assignment,NR-7,$1,2024,")
                .replace("hs-forvaltningen@example.com,Hälso", "not-an-address,Hälso");

        var response = running.importCsv(csv);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("row 10.depends_on", "row 8.due", "row 2.owner_email");
        assertThat(running.importCsv("plan_slug,title\nx,y\n").json().path("errors"))
                .extracting(e -> e.path("field").asText()).contains("row 1.due", "row 1.area");
        assertThat(running.importCsv("plan_slug,colour\n").json().path("errors").get(0).path("field").asText())
                .isEqualTo("row 1.colour");
    }

    @Test
    void a_bad_json_plan_names_the_path_and_imports_nothing() {
        String json = RunningApp.resource(SODRA).replace("\"frequency\": \"yearly\"", "\"frequency\": \"weekly\"")
                .replace("\"dueYear\": 2023,\n              \"frequency\": \"half_yearly\"",
                        "\"dueYear\": \"soon\",\n              \"frequency\": \"half_yearly\"");

        var wrongType = running.importJson(json);
        var wrongValue = running.importJson(RunningApp.resource(SODRA)
                .replace("\"frequency\": \"yearly\"", "\"frequency\": \"weekly\""));
        var notJson = running.importJson("{\"slug\": ");
        var wrongCode = running.importJson(RunningApp.resource(SODRA).replace("\"code\": \"P7-PRISER\"", "\"code\": \"P7 PRISER!\""));

        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").get(0).path("field").asText())
                .isEqualTo("groups[0].areas[2].milestones[0].dueYear");
        assertThat(wrongValue.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("groups[0].areas[1].milestones[1].frequency");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(wrongCode.json().path("errors").get(0).path("field").asText())
                .isEqualTo("groups[0].areas[3].milestones[0].code");
        assertThat(running.api.get("/api/v1/plans").json()).hasSize(1);
    }

    @Test
    void the_default_plans_export_gives_each_dependency_the_sentence_of_the_plan_it_rests_on() {
        var dependencies = running.api.get("/api/v1/plans/1/export?format=json").json().path("dependencies");

        assertThat(dependencies).hasSize(10).allSatisfy(d -> {
            assertThat(d.path("basis").asText()).contains("”");
            assertThat(d.path("source").isNull() || d.path("source").isMissingNode()).isTrue();
        });
        assertThat(dependencies).anySatisfy(d -> {
            assertThat(d.path("milestone").asText()).isEqualTo("MED-3");
            assertThat(d.path("dependsOn").asText()).isEqualTo("MED-5");
        });
    }

    @Test
    void the_default_plan_exported_and_imported_back_changes_nothing_criteria_and_descriptions_kept_apart() {
        String export = running.api.get("/api/v1/plans/1/export?format=json").body();
        var json = running.api.get("/api/v1/plans/1/export?format=json").json();
        var items = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        json.path("groups").forEach(g -> g.path("areas").forEach(a -> a.path("milestones")
                .forEach(i -> items.put(i.path("code").asText(), i))));
        // A criterion only where the plan states one; elsewhere none, and the description stands.
        assertThat(items.get("MED-1").path("reachedWhen").asText()).isEqualTo("Enligt RD-beslut i januari 2021.");
        assertThat(items.get("PCA-1").path("reachedWhen").asText()).startsWith("Finns en modell");
        assertThat(items.get("NIV-3").path("reachedWhen").isMissingNode()
                || items.get("NIV-3").path("reachedWhen").isNull()).isTrue();

        var again = running.importJson(export);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("updated").asInt()).isZero();
    }

    @Test
    void an_unknown_content_type_or_format_is_refused() {
        var xml = running.send("POST", "/api/v1/plans/import", "<plan/>", java.util.Map.of("Content-Type", "application/xml"));
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.json().path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(running.api.get("/api/v1/plans/1/export?format=xlsx").status()).isEqualTo(400);
        assertThat(running.api.get("/api/v1/plans/999/export").status()).isEqualTo(404);
    }

    @Test
    void the_history_of_a_plan_exports_as_csv_with_every_change() {
        long planId = running.importCsv(RunningApp.resource(OREBRO)).json().path("planId").asLong();

        var history = running.api.get("/api/v1/plans/" + planId + "/history.csv");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.contentType()).startsWith("text/csv");
        List<String> lines = history.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,at,actor,source,action,entity,entity_id,reason,before,after");
        assertThat(history.body()).contains("NR-19").contains("admin-1,api,create,milestone");
        assertThat(running.api.get("/api/v1/plans/999/history.csv").status()).isEqualTo(404);
    }

    private static String export(RunningApp app, long planId, String format) {
        var response = app.api.get("/api/v1/plans/" + planId + "/export?format=" + format);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private JsonNode code(long planId, String code) {
        for (JsonNode m : running.api.get("/api/v1/milestones?plan=" + planId + "&q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no item " + code);
    }

    private long auditCount() {
        return Long.parseLong(running.api.get("/api/v1/audit?limit=1").header("X-Total-Count"));
    }
}
