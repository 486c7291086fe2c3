package se.planpuls.api.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/** Items searched, read and changed through the real server. */
class ItemApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void milestones_are_searched_by_text_area_owner_and_status() {
        long owner = createOwner("Anna Berg", "anna@example.com").path("id").asLong();
        long sdv = milestone("DIG-4").path("id").asLong();
        assertThat(api.patch("/api/v1/milestones/" + sdv, "{\"ownerId\":" + owner + "}").status()).isEqualTo(200);

        assertThat(api.get("/api/v1/milestones?q=SDV").json()).extracting(n -> n.path("code").asText())
                .containsExactly("DIG-4");
        assertThat(api.get("/api/v1/milestones?area=NIV").json()).hasSize(3);
        assertThat(api.get("/api/v1/milestones?owner=" + owner).json()).extracting(n -> n.path("code").asText())
                .containsExactly("DIG-4");
        assertThat(api.get("/api/v1/milestones?status=unreported").json()).hasSize(34);
        assertThat(api.get("/api/v1/milestones?status=reached").json()).isEmpty();
        var bad = api.get("/api/v1/milestones?status=purple");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(api.get("/api/v1/milestones?owner=x").status()).isEqualTo(400);
    }

    @Test
    void a_milestone_is_read_with_description_effects_dependencies_and_history() {
        JsonNode map = milestone("NIV-3");

        JsonNode detail = api.get("/api/v1/milestones/" + map.path("id").asLong()).json();

        assertThat(detail.path("milestone").path("title").asText()).isEqualTo("Hälso- och vårdutbudskarta");
        assertThat(detail.path("milestone").path("status").asText()).isEqualTo("unreported");
        assertThat(detail.path("milestone").path("statusColour").asText()).as("as in the annual review").isEqualTo("grey");
        // The plan states no criterion for NIV-3: the description stands, and the answer says so.
        assertThat(detail.path("reachedWhen").isNull()).isTrue();
        assertThat(detail.path("reachedWhenSource").asText()).isEqualTo("description");
        assertThat(detail.path("description").asText()).contains("utbudskarta");
        JsonNode med1 = api.get("/api/v1/milestones/" + milestone("MED-1").path("id").asLong()).json();
        assertThat(med1.path("reachedWhen").asText()).isEqualTo("Enligt RD-beslut i januari 2021.");
        assertThat(med1.path("reachedWhenSource").asText()).isEqualTo("criterion");
        assertThat(detail.path("effects").get(0).path("audiences").get(0).asText()).isEqualTo("inv");
        assertThat(detail.path("dependsOn")).hasSize(2);
        assertThat(detail.path("history")).isEmpty();
        assertThat(api.get("/api/v1/milestones/99999").status()).isEqualTo(404);
    }

    @Test
    void each_report_in_the_history_and_the_last_report_say_which_effects_were_seen_also_in_lists_and_the_plan() {
        long id = milestone("NIV-3").path("id").asLong();
        JsonNode effects = api.get("/api/v1/milestones/" + id).json().path("effects");
        long first = effects.get(0).path("id").asLong();
        long second = effects.get(1).path("id").asLong();
        var db = running.app().database();
        TestDatabases.execute(db, """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                VALUES (?, 'IN_PROGRESS', 'Igång', 'Anna Berg', 'api', TIMESTAMP '2026-10-01 08:00:00')""", id);
        TestDatabases.execute(db, """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                VALUES (?, 'IN_PROGRESS', 'Mer syns nu', 'Anna Berg', 'api', TIMESTAMP '2026-11-01 08:00:00')""", id);
        JsonNode reports = api.get("/api/v1/milestones/" + id).json().path("history");
        long october = reports.get(0).path("id").asLong();
        long november = reports.get(1).path("id").asLong();
        String seen = "INSERT INTO report_effects (report_id, effect_id) VALUES (?, ?)";
        TestDatabases.execute(db, seen, october, second);
        TestDatabases.execute(db, seen, november, second);
        TestDatabases.execute(db, seen, november, first);

        JsonNode detail = api.get("/api/v1/milestones/" + id).json();

        assertThat(detail.path("history").get(0).path("effectsSeen")).singleElement().satisfies(e -> {
            assertThat(e.path("id").asLong()).isEqualTo(second);
            assertThat(e.path("text").asText()).isEqualTo(effects.get(1).path("text").asText());
        });
        assertThat(detail.path("history").get(1).path("effectsSeen")).extracting(e -> e.path("id").asLong())
                .containsExactly(first, second);
        assertThat(detail.path("milestone").path("lastReport").path("effectsSeen"))
                .extracting(e -> e.path("text").asText())
                .containsExactly(effects.get(0).path("text").asText(), effects.get(1).path("text").asText());
        assertThat(api.get("/api/v1/milestones?q=NIV-3").json().get(0).path("lastReport").path("effectsSeen"))
                .hasSize(2);
        assertThat(api.get("/api/v1/milestones?q=NIV-1").json().get(0).path("lastReport").isNull()).isTrue();
        JsonNode plan = api.get("/api/v1/plans/" + detail.path("milestone").path("planId").asLong()).json();
        var inPlan = new java.util.ArrayList<JsonNode>();
        plan.findValues("milestones").forEach(ms -> ms.forEach(inPlan::add));
        assertThat(inPlan).filteredOn(m -> m.path("code").asText().equals("NIV-3")).singleElement()
                .satisfies(m -> assertThat(m.path("lastReport").path("effectsSeen")).hasSize(2));
    }

    @Test
    void patching_a_milestone_moves_its_due_date_and_sets_its_owner() {
        long owner = createOwner("Anna Berg", "anna@example.com").path("id").asLong();
        long id = milestone("DIG-4").path("id").asLong();

        var response = api.patch("/api/v1/milestones/" + id,
                "{\"ownerId\":" + owner + ",\"dueDate\":\"2026-06-30\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode m = api.get("/api/v1/milestones/" + id).json().path("milestone");
        assertThat(m.path("owner").path("name").asText()).isEqualTo("Anna Berg");
        assertThat(m.path("dueDate").asText()).isEqualTo("2026-06-30");
        assertThat(m.path("dueYear").asInt()).isEqualTo(2026);
        assertThat(api.patch("/api/v1/milestones/" + id, "{\"ownerId\":null}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/milestones/" + id).json().path("milestone").path("owner").isNull()).isTrue();
    }

    @Test
    void a_bad_patch_names_the_field_and_changes_nothing() {
        long id = milestone("DIG-4").path("id").asLong();

        assertProblem(api.patch("/api/v1/milestones/" + id, "{\"ownerId\":4242,\"dueDate\":\"2026-06-30\"}"),
                400, "ownerId");
        assertProblem(api.patch("/api/v1/milestones/" + id, "{\"dueDate\":\"30/6/2026\"}"), 400, "dueDate");
        assertProblem(api.patch("/api/v1/milestones/" + id, "{\"owner\":1}"), 400, "owner");
        assertProblem(api.patch("/api/v1/milestones/" + id, "{\"ownerId\":\"one\"}"), 400, "ownerId");
        assertProblem(api.patch("/api/v1/milestones/" + id, "{oops"), 400, "body");
        assertProblem(api.patch("/api/v1/milestones/" + id, "[]"), 400, "body");
        assertThat(api.patch("/api/v1/milestones/99999", "{\"dueDate\":\"2026-06-30\"}").status()).isEqualTo(404);
        JsonNode m = api.get("/api/v1/milestones/" + id).json().path("milestone");
        assertThat(m.path("dueDate").isNull()).isTrue();
        assertThat(m.path("owner").isNull()).isTrue();
    }

    private JsonNode createOwner(String name, String email) {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private JsonNode milestone(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no milestone " + code);
    }
}
