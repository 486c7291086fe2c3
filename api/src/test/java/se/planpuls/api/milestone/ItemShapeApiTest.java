package se.planpuls.api.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** An item's shape set through the admin API: one level of sub-deliverables, counts, groups, If-Match. */
class ItemShapeApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void a_deliverable_is_set_under_its_parent_and_a_deeper_level_or_a_cycle_is_refused_naming_parentId() {
        long med1 = id("MED-1");
        long med2 = id("MED-2");
        long med3 = id("MED-3");

        var set = put(med2, "{\"parentId\":" + med1 + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("milestone").path("shape").path("parentId").asLong()).isEqualTo(med1);
        assertThat(api.get("/api/v1/milestones/" + med1).json().path("deliverables").path("total").asInt())
                .isEqualTo(1);

        assertProblem(put(med3, "{\"parentId\":" + med2 + "}"), 400, "parentId");
        assertProblem(put(med1, "{\"parentId\":" + med2 + "}"), 400, "parentId");
        assertProblem(put(med1, "{\"parentId\":" + med1 + "}"), 400, "parentId");
        assertProblem(put(med1, "{\"parentId\":999999}"), 400, "parentId");
        assertThat(api.get("/api/v1/milestones/" + med1).json().path("milestone").path("shape").path("parentId")
                .isNull()).isTrue();
        assertThat(api.get("/api/v1/audit?entity=milestone&entityId=" + med2).json().findValuesAsText("action"))
                .contains("update-shape");
    }

    @Test
    void a_group_takes_an_owners_place_a_count_needs_a_recurring_item_and_a_stale_write_is_412() {
        long group = api.post("/api/v1/groups", "{\"name\":\"förvaltningen\"}").json().path("id").asLong();
        long dig1 = id("DIG-1");

        var grouped = put(dig1, "{\"ownerGroupId\":" + group + ",\"ongoing\":true,"
                + "\"reportTo\":[\"Ledningsgruppen\",\"Regionstyrelsen\"]}");
        assertThat(grouped.status()).as(grouped.body()).isEqualTo(200);
        JsonNode shape = grouped.json().path("milestone").path("shape");
        assertThat(shape.path("ownerGroup").path("name").asText()).isEqualTo("förvaltningen");
        assertThat(shape.path("ongoing").asBoolean()).isTrue();
        assertThat(grouped.json().path("milestone").path("reportTo").asText()).isEqualTo("Ledningsgruppen");

        assertProblem(put(dig1, "{\"timesPerYear\":{\"min\":4}}"), 400, "timesPerYear");
        assertProblem(put(dig1, "{\"ownerGroupId\":424242}"), 400, "ownerGroupId");
        String etag = api.get("/api/v1/milestones/" + dig1).header("ETag");
        api.send("PUT", "/api/v1/milestones/" + dig1 + "/shape", "{}", RunningApp.TOKEN);
        assertThat(running.send("PUT", "/api/v1/milestones/" + dig1 + "/shape", "{\"ongoing\":true}",
                Map.of("If-Match", etag)).status()).isEqualTo(412);
    }

    private ApiClient.Response put(long id, String body) {
        return api.send("PUT", "/api/v1/milestones/" + id + "/shape", body, RunningApp.TOKEN);
    }

    private long id(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no item " + code);
    }
}
