package se.planpuls.api.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/**
 * The seed files written with sub-deliverables, group owners, ongoing items, count-based
 * frequencies and several report-to bodies: each imports, keeps every field through export, and
 * round-trips through a second database unchanged.
 */
class ItemShapesImportApiTest {
    static final String OREBRO = "/plans/orebro-uppdrag-2024-delleveranser.csv";
    static final String SODRA = "/plans/sodra-verksamhetsplan-2022-2023-frekvenser.json";
    static final String VGR = "/plans/vgr-prioriteringar-pagaende.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void each_shaped_seed_file_imports_keeps_every_field_in_export_and_round_trips(TestDatabases.Kind kind)
            throws IOException {
        List<String[]> exports = new ArrayList<>();
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            for (String file : List.of(OREBRO, SODRA, VGR)) {
                boolean csv = file.endsWith(".csv");
                String text = RunningApp.resource(file);
                var imported = csv ? running.importCsv(text) : running.importJson(text);
                assertThat(imported.status()).as(imported.body()).isEqualTo(201);
                long id = imported.json().path("planId").asLong();
                String exported = export(running, id, csv ? "csv" : "json");
                if (csv) {
                    assertThat(cells(exported)).isEqualTo(cells(text));
                } else {
                    assertContains(JSON.readTree(exported), JSON.readTree(text), "");
                }
                exports.add(new String[] {csv ? "csv" : "json", exported, export(running, id, csv ? "json" : "csv")});
            }
        }
        try (RunningApp empty = RunningApp.on(kind, otherDataDir)) {
            for (String[] export : exports) {
                for (int i = 1; i <= 2; i++) {
                    String format = i == 1 ? export[0] : export[0].equals("csv") ? "json" : "csv";
                    var imported = format.equals("csv") ? empty.importCsv(export[i]) : empty.importJson(export[i]);
                    assertThat(imported.status()).as(imported.body()).isIn(200, 201);
                    assertThat(imported.json().path("updated").asInt()).as(imported.body()).isZero();
                    assertThat(export(empty, imported.json().path("planId").asLong(), format)).isEqualTo(export[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_api_shows_deliverables_under_their_parent_group_owners_ongoing_items_and_counts(TestDatabases.Kind kind) {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            long orebro = running.importCsv(RunningApp.resource(OREBRO)).json().path("planId").asLong();
            long sodra = running.importJson(RunningApp.resource(SODRA)).json().path("planId").asLong();

            JsonNode parent = code(running, orebro, "NR-7");
            JsonNode child = code(running, orebro, "NR-7-d");
            assertThat(child.path("shape").path("parentId").asLong()).isEqualTo(parent.path("id").asLong());
            assertThat(child.path("shape").path("ownerGroup").path("name").asText()).isEqualTo("förvaltningen");
            assertThat(child.path("owner").isNull()).isTrue();
            JsonNode detail = running.api.get("/api/v1/milestones/" + parent.path("id").asLong()).json();
            assertThat(detail.path("deliverables").path("total").asInt()).isEqualTo(4);
            // The deliverables were due by the end of 2024 and nobody has reported: late, so the parent is at risk.
            assertThat(detail.path("deliverables").path("status").asText()).isEqualTo("in_progress");
            assertThat(detail.path("deliverables").path("atRisk").asBoolean()).isTrue();
            assertThat(detail.path("deliverables").path("items")).extracting(i -> i.path("code").asText())
                    .containsExactly("NR-7-a", "NR-7-b", "NR-7-c", "NR-7-d");
            assertThat(running.api.get("/api/v1/milestones/" + child.path("id").asLong()).json()
                    .path("deliverables").isNull()).isTrue();
            JsonNode ongoing = code(running, orebro, "NR-12");
            assertThat(ongoing.path("shape").path("ongoing").asBoolean()).isTrue();
            assertThat(ongoing.path("shape").path("schedule").asText()).isEqualTo("ongoing");
            assertThat(ongoing.path("shape").path("ownerGroup").path("name").asText()).isEqualTo("beredningarna");

            JsonNode news = code(running, sodra, "P4-NYHETSBREV");
            assertThat(news.path("frequency").isNull()).isTrue();
            assertThat(news.path("shape").path("timesPerYear").path("min").asInt()).isEqualTo(4);
            assertThat(news.path("shape").path("timesPerYear").path("max").isNull()).isTrue();
            JsonNode forum = code(running, sodra, "P5-CHEFSFORUM");
            assertThat(forum.path("shape").path("timesPerYear").path("max").asInt()).isEqualTo(2);
            JsonNode reporting = code(running, sodra, "P82-RAPPORTERING");
            assertThat(reporting.path("reportTo").asText()).isEqualTo("Ledningsgruppen");
            assertThat(reporting.path("shape").path("reportTo")).extracting(JsonNode::asText)
                    .containsExactly("Ledningsgruppen", "Politiska styrgruppen", "Södra regionvårdsnämnden");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_deliverable_of_a_deliverable_a_cycle_and_two_owners_are_refused_naming_row_and_column(
            TestDatabases.Kind kind) {
        String header = "plan_slug,plan_name,organisation,period_start,period_end,area_group,area,kind,code,title,due,"
                + "parent,owner_email,owner_group\n";
        String csv = header
                + "p,P,O,2024,2024,G,A,milestone,A1,Parent,2024,,,\n"
                + "p,P,O,2024,2024,G,A,milestone,A2,Child,2024,A1,,\n"
                + "p,P,O,2024,2024,G,A,milestone,A3,Grandchild,2024,A2,,\n"
                + "p,P,O,2024,2024,G,A,milestone,B1,Loop one,2024,B2,,\n"
                + "p,P,O,2024,2024,G,A,milestone,B2,Loop two,2024,B1,,\n"
                + "p,P,O,2024,2024,G,A,milestone,C1,Self,2024,C1,,\n"
                + "p,P,O,2024,2024,G,A,milestone,D1,Two owners,2024,,a@example.com,förvaltningen\n";
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var response = running.importCsv(csv);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body())
                    .contains("row 4.parent", "sub-deliverables go one level deep")
                    .contains("row 5.parent", "row 6.parent")
                    .contains("row 7.parent", "its own parent")
                    .contains("row 8.owner_group", "either ownerEmail or ownerGroup");
            assertThat(running.api.get("/api/v1/plans").json().findValuesAsText("slug")).doesNotContain("p");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_old_file_with_one_report_to_body_still_reads_and_a_bad_count_names_the_column(TestDatabases.Kind kind) {
        String header = "plan_slug,plan_name,organisation,period_start,period_end,area_group,area,kind,code,title,due,"
                + "report_to,frequency,times_per_year\n";
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var unreadable = running.importCsv(header + "q,Q,O,2024,2024,G,A,recurring,R1,Often,2024,,,four\n");
            assertThat(unreadable.status()).isEqualTo(400);
            assertThat(unreadable.body()).contains("row 2.times_per_year", "4+ (at least four) or 1-2");
            var bad = running.importCsv(header
                    + "q,Q,O,2024,2024,G,A,recurring,R2,Both,2024,,quarterly,4+\n"
                    + "q,Q,O,2024,2024,G,A,recurring,R3,Upside down,2024,,,3-1\n");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("row 2.times_per_year", "not both", "row 3.times_per_year",
                    "max must be from min");

            var good = running.importCsv(header + "q,Q,O,2024,2024,G,A,assignment,U1,Report,2024-06-30,Nämnden,,\n");
            assertThat(good.status()).as(good.body()).isEqualTo(201);
            JsonNode item = code(running, good.json().path("planId").asLong(), "U1");
            assertThat(item.path("reportTo").asText()).isEqualTo("Nämnden");
            assertThat(item.path("shape").path("reportTo")).extracting(JsonNode::asText).containsExactly("Nämnden");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_readmes_item_kinds_examples_import_as_written(TestDatabases.Kind kind) throws IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### Item kinds"));
        String csv = section.substring(section.indexOf("```csv\n") + 7, section.indexOf("```", section.indexOf("```csv\n") + 7));
        String json = section.substring(section.indexOf("```json\n") + 8, section.indexOf("```", section.indexOf("```json\n") + 8));
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var imported = running.importCsv(csv);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            JsonNode ongoing = code(running, imported.json().path("planId").asLong(), "NR-12");
            assertThat(ongoing.path("shape").path("ongoing").asBoolean()).isTrue();
            String plan = "{\"slug\":\"sodra\",\"name\":\"S\",\"organisation\":\"Södra\",\"periodStart\":2022,"
                    + "\"periodEnd\":2023,\"groups\":[{\"name\":\"G\",\"areas\":[{\"code\":\"P5\",\"name\":\"P5\","
                    + "\"milestones\":[" + json + "]}]}]}";
            var fromJson = running.importJson(plan);
            assertThat(fromJson.status()).as(fromJson.body()).isEqualTo(201);
        }
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; export may add defaults. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(actual.has(name)).as(path + "." + name + " in " + actual).isTrue();
                assertContains(actual.get(name), expected.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    /** Each row's non-empty cells by column. */
    private static List<Map<String, String>> cells(String csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv))) {
            Map<String, String> row = new LinkedHashMap<>();
            record.toMap().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    row.put(k, v);
                }
            });
            rows.add(row);
        }
        return rows;
    }

    private static String export(RunningApp app, long planId, String format) {
        var response = app.api.get("/api/v1/plans/" + planId + "/export?format=" + format);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode code(RunningApp running, long planId, String code) {
        for (JsonNode m : running.api.get("/api/v1/milestones?plan=" + planId + "&q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no item " + code);
    }
}
