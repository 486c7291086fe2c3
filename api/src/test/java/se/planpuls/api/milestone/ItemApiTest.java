package se.planpuls.api.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

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
        assertThat(detail.path("reachedWhen").asText()).contains("utbudskarta");
        assertThat(detail.path("effects").get(0).path("audiences").get(0).asText()).isEqualTo("inv");
        assertThat(detail.path("dependsOn")).hasSize(2);
        assertThat(detail.path("history")).isEmpty();
        assertThat(api.get("/api/v1/milestones/99999").status()).isEqualTo(404);
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
