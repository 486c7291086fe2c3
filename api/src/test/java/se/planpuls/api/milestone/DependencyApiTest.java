package se.planpuls.api.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** Dependency edges between items through the real server. */
class DependencyApiTest {
    static final String TOKEN = RunningApp.TOKEN;

    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void a_dependency_is_added_and_removed_and_a_cycle_is_refused() {
        long med1 = milestone("MED-1");
        long med3 = milestone("MED-3");
        long dig1 = milestone("DIG-1");

        var added = api.post("/api/v1/milestones/" + dig1 + "/dependencies", "{\"dependsOnId\":" + med1 + "}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("dependsOn").toString()).contains(String.valueOf(med1));

        var cycle = api.post("/api/v1/milestones/" + med1 + "/dependencies", "{\"dependsOnId\":" + med3 + "}");
        assertProblem(cycle, 400, "dependsOnId");
        assertThat(cycle.json().path("detail").asText()).contains("cycle").contains("MED-1 → MED-3 → MED-2 → MED-1");
        assertProblem(api.post("/api/v1/milestones/" + med1 + "/dependencies", "{}"), 400, "dependsOnId");
        assertThat(api.post("/api/v1/milestones/999999/dependencies", "{\"dependsOnId\":" + med1 + "}").status())
                .isEqualTo(404);

        assertThat(api.send("DELETE", "/api/v1/milestones/" + dig1 + "/dependencies/" + med1, null, TOKEN).status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/milestones/" + dig1 + "/dependencies?dependsOnId=" + med1, null, TOKEN)
                .status()).isEqualTo(404);
    }

    @Test
    void adding_a_dependency_answers_with_the_item_as_get_reads_it_deliverables_indicator_values_and_shape() {
        long med1 = milestone("MED-1");
        long med2 = milestone("MED-2");
        long dig1 = milestone("DIG-1");
        var shaped = api.send("PUT", "/api/v1/milestones/" + med2 + "/shape", "{\"parentId\":" + med1
                + ",\"reportTo\":[\"Ledningsgruppen\"]}", TOKEN);
        assertThat(shaped.status()).as(shaped.body()).isEqualTo(200);
        var created = api.post("/api/v1/milestones", "{\"planId\":1,\"areaCode\":\"MED\",\"code\":\"HME-9\","
                + "\"kind\":\"indicator\",\"title\":\"HME\",\"dueYear\":2026,\"frequency\":\"yearly\","
                + "\"indicator\":{\"unit\":\"index\",\"target\":80,\"direction\":\"above\"}}");
        long hme = created.json().path("milestone").path("id").asLong();
        new se.planpuls.db.IndicatorService(running.app().database(), java.time.Clock.systemUTC()).report(
                new se.planpuls.domain.NewIndicatorValue(hme, new java.math.BigDecimal("81"), null,
                        new se.planpuls.domain.Reporter(null, "admin"), "api", null));

        var parent = api.post("/api/v1/milestones/" + med1 + "/dependencies", "{\"dependsOnId\":" + dig1 + "}");
        var indicator = api.post("/api/v1/milestones/" + hme + "/dependencies", "{\"dependsOnId\":" + dig1 + "}");

        assertThat(parent.status()).isEqualTo(201);
        assertThat(parent.json()).isEqualTo(api.get("/api/v1/milestones/" + med1).json());
        assertThat(parent.json().path("deliverables").path("items")).extracting(i -> i.path("code").asText())
                .contains("MED-2");
        assertThat(parent.headers().firstValue("ETag")).isPresent();
        assertThat(indicator.json()).isEqualTo(api.get("/api/v1/milestones/" + hme).json());
        assertThat(indicator.json().path("milestone").path("indicator").path("values").get(0).path("value")
                .decimalValue()).isEqualByComparingTo("81");
        assertThat(indicator.json().path("milestone").path("shape").isObject()).isTrue();
        assertThat(indicator.json().path("dependsOn").toString()).contains(String.valueOf(dig1));
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
