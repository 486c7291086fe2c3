package se.planpuls.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** The audit log through the real server. */
class AuditApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void the_audit_log_is_filtered_by_entity_and_since_and_refuses_bad_filters() {
        owner("Anna Berg", "anna@example.com");

        assertThat(api.get("/api/v1/audit?entity=owner").json()).hasSize(1);
        assertThat(api.get("/api/v1/audit?entity=owner&since=2999-01-01").json()).isEmpty();
        assertThat(api.get("/api/v1/audit?entity=owner&since=2000-01-01T00:00:00Z").json().get(0)
                .path("after").path("email").asText()).isEqualTo("anna@example.com");
        assertProblem(api.get("/api/v1/audit?entity=pizza"), 400, "entity");
        assertProblem(api.get("/api/v1/audit?since=yesterday"), 400, "since");
    }

    private long owner(String name, String email) {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}
