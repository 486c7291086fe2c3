package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/** "Över 85 %" in the annual review: read as over 85, and 85 itself does not meet it. */
class StrictTargetReviewTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void a_value_of_85_does_not_meet_over_85_percent_and_the_page_says_over() throws Exception {
        long planId = running.importJson(RunningApp.resource("/plans/orebro-effektmal-indikatorer-2024.json")).json()
                .path("planId").asLong();
        long samarbete = id(planId, "EM7-SAMARBETE");
        TestDatabases.execute(running.app().database(), """
                INSERT INTO indicator_values (milestone_id, measured, reporter_name, source, reported_at)
                VALUES (?, CAST(? AS DECIMAL(20, 4)), 'FoU', 'api', CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                samarbete, "85", "2024-06-10 08:00:00+00");
        String review = "/api/v1/plans/" + planId + "/annual-review?year=2024&asOf=2024-12-31&format=";

        JsonNode row = null;
        for (JsonNode r : api.get(review + "json").json().path("indicators")) {
            if (r.path("code").asText().equals("EM7-SAMARBETE")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("direction").asText()).isEqualTo("above");
        assertThat(row.path("met").asBoolean()).isFalse();
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + review + "html"))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("över 85 %").doesNotContain("85,1");
    }

    private long id(long planId, String code) {
        for (JsonNode m : api.get("/api/v1/milestones?plan=" + planId + "&q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no item " + code);
    }
}
