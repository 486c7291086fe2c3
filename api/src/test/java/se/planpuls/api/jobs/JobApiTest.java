package se.planpuls.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** Jobs listed and run on demand through the real server. */
class JobApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void a_job_runs_on_demand_and_an_unknown_job_is_404() {
        var run = api.post("/api/v1/jobs/weekly-check-in/run", null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("summary").asText()).contains("owners prompted");
        assertThat(api.post("/api/v1/jobs/nope/run", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs").json().get(0).path("name").asText()).isEqualTo("weekly-check-in");
    }
}
