package se.planpuls.api.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** The service itself through the real server: its health and the bot endpoint. */
class AppApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void health_answers_without_a_token_with_the_database_state() {
        var response = api.send("GET", "/health", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
        assertThat(response.json().path("database").path("product").asText()).isEqualTo("H2");
    }

    @Test
    void the_bot_endpoint_refuses_a_body_that_is_no_activity() {
        assertThat(api.send("POST", "/api/messages", "", null).status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/messages", "{\"type\":", null).status()).isEqualTo(400);
    }
}
