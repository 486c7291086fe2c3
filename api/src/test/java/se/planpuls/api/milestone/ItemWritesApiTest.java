package se.planpuls.api.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** Items of each kind created, changed with ETags and deleted through the real server. */
class ItemWritesApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private long planId;

    @BeforeEach
    void readThePlan() {
        planId = api.get("/api/v1/plans").json().get(0).path("id").asLong();
    }

    @Test
    void an_item_of_each_kind_is_created_and_a_bad_one_names_the_field() {
        var recurring = api.post("/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"DIG\",\"code\":\"DIG-R1\","
                + "\"kind\":\"recurring\",\"title\":\"Rapport till ledningsgruppen\",\"dueYear\":2025,\"frequency\":\"quarterly\"}");
        var assignment = api.post("/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"DIG\",\"code\":\"DIG-U1\","
                + "\"kind\":\"assignment\",\"title\":\"Återrapport\",\"dueDate\":\"2025-05-31\",\"reportTo\":\"Nämnden\"}");

        assertThat(recurring.status()).as(recurring.body()).isEqualTo(201);
        assertThat(recurring.header("ETag")).isEqualTo("\"1\"");
        assertThat(recurring.json().path("milestone").path("frequency").asText()).isEqualTo("quarterly");
        assertThat(assignment.status()).as(assignment.body()).isEqualTo(201);
        assertThat(api.get(assignment.location()).json().path("milestone").path("reportTo").asText()).isEqualTo("Nämnden");
        assertProblem(api.post("/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"DIG\",\"code\":\"DIG-R2\","
                + "\"kind\":\"recurring\",\"title\":\"X\",\"dueYear\":2025}"), 400, "frequency");
        assertProblem(api.post("/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"DIG\",\"code\":\"DIG-U2\","
                + "\"kind\":\"assignment\",\"title\":\"X\",\"dueYear\":2025}"), 400, "dueDate");
        assertProblem(api.post("/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"DIG\",\"code\":\"DIG-R1\","
                + "\"title\":\"X\",\"dueYear\":2025}"), 409, "code");
        assertProblem(api.post("/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"NOPE\",\"code\":\"X-1\","
                + "\"title\":\"X\",\"dueYear\":2025}"), 400, "areaCode");
        assertProblem(api.post("/api/v1/milestones", "{\"areaCode\":\"DIG\",\"code\":\"X-1\",\"title\":\"X\"}"), 400, "planId");
        assertThat(api.post("/api/v1/milestones", "{\"planId\":999,\"areaCode\":\"DIG\",\"code\":\"X-1\",\"title\":\"X\","
                + "\"dueYear\":2025}").status()).isEqualTo(404);
    }

    @Test
    void moving_a_due_date_keeps_the_reason_in_the_history() {
        long id = milestone("DIG-4");

        var moved = api.patch("/api/v1/milestones/" + id, "{\"dueDate\":\"2026-03-31\",\"reason\":\"Årlig revidering 2025\"}");

        assertThat(moved.status()).isEqualTo(200);
        JsonNode history = api.get("/api/v1/audit?entity=milestone&entityId=" + id).json();
        JsonNode entry = history.get(history.size() - 1);
        assertThat(entry.path("action").asText()).isEqualTo("move-due");
        assertThat(entry.path("reason").asText()).isEqualTo("Årlig revidering 2025");
        assertThat(entry.path("before").path("dueDate").isNull()).isTrue();
        assertThat(entry.path("after").path("dueDate").asText()).isEqualTo("2026-03-31");
        assertThat(entry.path("actor").asText()).isEqualTo("admin-1");
    }

    @Test
    void a_stale_if_match_is_refused_with_412_and_a_current_one_is_applied() {
        long id = milestone("DIG-4");
        String etag = api.get("/api/v1/milestones/" + id).header("ETag");
        var first = running.send("PATCH", "/api/v1/milestones/" + id, "{\"title\":\"SDV infört i hela regionen\"}",
                Map.of("If-Match", etag));

        var second = running.send("PATCH", "/api/v1/milestones/" + id, "{\"title\":\"Något annat\"}",
                Map.of("If-Match", etag));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/milestones/" + id).json().path("milestone").path("title").asText())
                .isEqualTo("SDV infört i hela regionen");
        assertThat(running.send("PATCH", "/api/v1/milestones/" + id, "{\"title\":\"X\"}", Map.of("If-Match", "garbage"))
                .status()).isEqualTo(412);
    }

    @Test
    void if_match_compares_strongly_as_rfc_9110_says_a_weak_tag_never_matches_and_a_list_matches_any_member() {
        long id = milestone("DIG-4");
        String etag = api.get("/api/v1/milestones/" + id).header("ETag");
        String path = "/api/v1/milestones/" + id;

        var weak = running.send("PATCH", path, "{\"title\":\"Svag\"}", Map.of("If-Match", "W/" + etag));
        var onlyStale = running.send("PATCH", path, "{\"title\":\"Gammal\"}", Map.of("If-Match", "\"999\", W/" + etag));
        var list = running.send("PATCH", path, "{\"title\":\"Lista\"}", Map.of("If-Match", "\"999\", " + etag));
        var any = running.send("PATCH", path, "{\"title\":\"Vilken som\"}", Map.of("If-Match", "*"));

        assertThat(weak.status()).isEqualTo(412);
        assertThat(onlyStale.status()).isEqualTo(412);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(any.status()).isEqualTo(200);
        assertThat(api.get(path).json().path("milestone").path("title").asText()).isEqualTo("Vilken som");
        assertThat(running.send("PATCH", path, "{\"title\":\"Gammal igen\"}", Map.of("If-Match", "\"999\", " + etag))
                .status()).isEqualTo(412);
    }

    @Test
    void a_soft_deleted_item_leaves_the_lists_but_keeps_its_history() {
        long id = milestone("DIG-4");

        var deleted = api.send("DELETE", "/api/v1/milestones/" + id + "?reason=Utgår", null, RunningApp.TOKEN);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/milestones/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/milestones?q=DIG-4").json()).isEmpty();
        JsonNode history = api.get("/api/v1/audit?entity=milestone&entityId=" + id).json();
        assertThat(history.get(history.size() - 1).path("action").asText()).isEqualTo("delete");
        assertThat(api.send("DELETE", "/api/v1/milestones/" + id, null, RunningApp.TOKEN).status()).isEqualTo(404);
    }

    @Test
    void lists_are_paged_with_the_total_in_a_header() {
        var page = api.get("/api/v1/milestones?limit=10&offset=30");

        assertThat(page.json()).hasSize(4);
        assertThat(page.header("X-Total-Count")).isEqualTo("34");
        assertProblem(api.get("/api/v1/milestones?limit=0"), 400, "limit");
        assertProblem(api.get("/api/v1/milestones?offset=-1"), 400, "offset");
        assertProblem(api.get("/api/v1/milestones?kind=task"), 400, "kind");
    }

    @Test
    void a_stale_delete_is_412_and_an_erased_owner_cannot_be_given_items() {
        long id = milestone("DIG-4");
        api.patch("/api/v1/milestones/" + id, "{\"title\":\"Ändrad\"}");
        long anna = owner("Anna Berg", "anna@example.com");
        api.send("DELETE", "/api/v1/owners/" + anna, null, RunningApp.TOKEN);

        var stale = running.send("DELETE", "/api/v1/milestones/" + id, null, Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get("/api/v1/milestones/" + id).status()).isEqualTo(200);
        assertProblem(api.patch("/api/v1/milestones/" + id, "{\"ownerId\":" + anna + "}"), 400, "ownerId");
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
