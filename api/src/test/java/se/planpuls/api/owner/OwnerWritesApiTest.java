package se.planpuls.api.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.ConversationService;
import se.planpuls.domain.ConversationKind;

/** Owners changed, erased and filtered through the real server. */
class OwnerWritesApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private long planId;

    @BeforeEach
    void readThePlan() {
        planId = api.get("/api/v1/plans").json().get(0).path("id").asLong();
    }

    @Test
    void an_owner_is_updated_with_leave_substitute_and_admin_flag() {
        long anna = owner("Anna Berg", "anna@example.com");
        owner("Bo Ek", "bo@example.com");

        var patched = api.patch("/api/v1/owners/" + anna,
                "{\"leaveUntil\":\"2026-12-31\",\"substituteEmail\":\"BO@example.com\",\"admin\":true}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("leaveUntil").asText()).isEqualTo("2026-12-31");
        assertThat(patched.json().path("substituteId").asLong()).isPositive();
        assertThat(patched.json().path("admin").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/owners?admin=true").json()).hasSize(1);
        assertThat(api.get("/api/v1/owners?q=bo").json()).hasSize(1);
        assertThat(api.patch("/api/v1/owners/" + anna, "{\"leaveUntil\":null,\"substituteEmail\":null}")
                .json().path("leaveUntil").isNull()).isTrue();
        assertProblem(api.patch("/api/v1/owners/" + anna, "{\"substituteEmail\":\"nobody@example.com\"}"), 400, "substituteEmail");
        assertProblem(api.patch("/api/v1/owners/" + anna, "{\"substituteEmail\":\"anna@example.com\"}"), 400, "substituteEmail");
        assertProblem(api.patch("/api/v1/owners/" + anna, "{\"email\":\"bo@example.com\"}"), 409, "email");
        assertProblem(api.patch("/api/v1/owners/" + anna, "{\"leaveUntil\":\"soon\"}"), 400, "leaveUntil");
        assertProblem(api.patch("/api/v1/owners/" + anna, "{}"), 400, "body");
        assertThat(api.patch("/api/v1/owners/999", "{\"name\":\"X\"}").status()).isEqualTo(404);
        String etag = api.get("/api/v1/owners/" + anna).header("ETag");
        api.patch("/api/v1/owners/" + anna, "{\"name\":\"Anna Berg-Ek\"}");
        assertThat(running.send("PATCH", "/api/v1/owners/" + anna, "{\"name\":\"A\"}", Map.of("If-Match", etag)).status())
                .isEqualTo(412);
    }

    @Test
    void deleting_an_owner_erases_personal_data_but_keeps_history_as_former_owner() {
        long anna = owner("Anna Berg", "anna@example.com");
        long id = milestone("DIG-4");
        api.patch("/api/v1/milestones/" + id, "{\"ownerId\":" + anna + "}");

        var deleted = api.send("DELETE", "/api/v1/owners/" + anna, null, RunningApp.TOKEN);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/owners").json()).isEmpty();
        assertThat(api.get("/api/v1/milestones/" + id).json().path("milestone").path("owner").isNull()).isTrue();
        String history = api.get("/api/v1/plans/" + planId + "/history.csv").body()
                + api.get("/api/v1/audit?entity=owner&entityId=" + anna).body();
        assertThat(history).doesNotContain("anna@example.com").doesNotContain("Anna Berg");
        assertThat(api.get("/api/v1/audit?entity=owner&entityId=" + anna).json()).isNotEmpty();
        assertThat(api.send("DELETE", "/api/v1/owners/" + anna, null, RunningApp.TOKEN).status()).isEqualTo(404);
    }

    @Test
    void owners_are_paged_and_a_bad_filter_names_the_parameter() {
        for (int i = 1; i <= 5; i++) {
            owner("Ägare " + i, "agare" + i + "@example.com");
        }

        var page = api.get("/api/v1/owners?limit=2&offset=4");

        assertThat(page.json()).hasSize(1);
        assertThat(page.header("X-Total-Count")).isEqualTo("5");
        assertProblem(api.get("/api/v1/owners?admin=maybe"), 400, "admin");
        assertProblem(api.get("/api/v1/owners?limit=5000"), 400, "limit");
    }

    @Test
    void the_owners_the_bot_can_or_cannot_reach_are_filtered_and_paged_like_any_owner_list() {
        long anna = owner("Anna Berg", "anna@example.com");
        long bo = owner("Bo Ek", "bo@example.com");
        owner("Cecilia Ek", "cecilia@example.com");
        new ConversationService(running.app().database(), Clock.systemUTC()).save("a:personal-bo",
                ConversationKind.personal, "29:bo", null, bo, "http://127.0.0.1:9/", "tenant", "{}");

        var unreachable = api.get("/api/v1/owners?reachable=false&limit=1");

        assertThat(unreachable.json()).extracting(o -> o.path("id").asLong()).containsExactly(anna);
        assertThat(unreachable.header("X-Total-Count")).isEqualTo("2");
        assertThat(api.get("/api/v1/owners?reachable=TRUE").json()).extracting(o -> o.path("id").asLong())
                .containsExactly(bo);
        assertThat(api.get("/api/v1/owners?reachable=false&q=ek").json()).extracting(o -> o.path("name").asText())
                .containsExactly("Cecilia Ek");
        assertThat(api.get("/api/v1/owners?reachable=true&admin=true").json()).isEmpty();
        assertProblem(api.get("/api/v1/owners?reachable=maybe"), 400, "reachable");
        assertProblem(api.get("/api/v1/owners?reachable="), 400, "reachable");
        api.send("DELETE", "/api/v1/owners/" + anna, null, RunningApp.TOKEN);
        assertThat(api.get("/api/v1/owners?reachable=false").json()).as("an erased owner is no owner")
                .extracting(o -> o.path("name").asText()).containsExactly("Cecilia Ek");
    }

    private long owner(String name, String email) {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private long milestone(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no milestone " + code);
    }
}
