package se.planpuls.api.app;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

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

    @Test
    void the_bot_endpoint_refuses_as_problem_json_naming_what_was_wrong_in_the_activity() {
        String message = """
                {"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/",
                 "from":{"id":"29:1x","name":"X"},"conversation":{"id":"a:1"},"recipient":{"id":"28:bot"},
                 "text":"%s"}""";
        String auditBefore = api.get("/api/v1/audit").body();

        assertProblem(api.send("POST", "/api/messages", "", null), 400, "body");
        assertProblem(api.send("POST", "/api/messages", "[1,2]", null), 400, "body");
        assertProblem(api.send("POST", "/api/messages", message.formatted("hj\\u0000lp"), null), 400, "text");
        assertProblem(api.send("POST", "/api/messages", message.formatted("x").replace("\"X\"", "\"X\\u0001\""), null),
                400, "from.name");
        assertProblem(api.send("POST", "/api/messages", message.formatted("x").replace("\"type\":\"message\",", ""),
                null), 400, "type");
        assertProblem(api.send("POST", "/api/messages", message.formatted("x").replace("http://127.0.0.1:9/",
                "file:///etc/passwd"), null), 400, "serviceUrl");
        assertThat(api.get("/api/v1/audit").body()).isEqualTo(auditBefore);
    }
}
