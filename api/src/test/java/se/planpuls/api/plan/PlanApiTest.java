package se.planpuls.api.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** Plans listed and read through the real server. */
class PlanApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void the_default_plan_is_listed_and_read_with_its_areas_and_milestones() {
        JsonNode plans = api.get("/api/v1/plans").json();
        assertThat(plans).hasSize(1);
        long id = plans.get(0).path("id").asLong();

        JsonNode plan = api.get("/api/v1/plans/" + id).json();

        assertThat(plan.path("organisation").asText()).isEqualTo("Region Skåne");
        assertThat(plan.path("groups")).hasSize(3);
        int areas = 0;
        int milestones = 0;
        for (JsonNode group : plan.path("groups")) {
            for (JsonNode area : group.path("areas")) {
                areas++;
                milestones += area.path("milestones").size();
            }
        }
        assertThat(areas).isEqualTo(7);
        assertThat(milestones).isEqualTo(34);
        assertThat(plan.path("effectGoals")).hasSize(5);
        // As the plan's Figur 1: the long-term goal over the map, each effect goal beside its group.
        assertThat(plan.path("longTermGoal").asText()).isEqualTo("Bättre hälsa för fler");
        assertThat(plan.path("groups").get(1).path("name").asText()).isEqualTo("Organisation/styrning");
        assertThat(plan.path("groups").get(1).path("effectGoals")).extracting(JsonNode::asText)
                .containsExactly("Bättre kvalitet", "Ökad tillgänglighet");
        assertThat(plan.path("groups").get(2).path("effectGoals")).extracting(JsonNode::asText)
                .containsExactly("Effektiva processer");
    }

    @Test
    void an_unknown_plan_is_404_and_a_non_numeric_id_400() {
        assertThat(api.get("/api/v1/plans/999").status()).isEqualTo(404);
        var bad = api.get("/api/v1/plans/abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(api.get("/api/v1/nothing-here").contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_import_over_one_mebibyte_is_refused_with_413_and_imports_nothing() {
        String huge = RunningApp.resource(PlanImportApiTest.OREBRO) + "x".repeat(1024 * 1024);

        var response = running.importCsv(huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(api.get("/api/v1/plans").json()).hasSize(1);
    }
}
