package se.planpuls.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin REST API through the real server on a random port. */
class AdminApiTest {
    static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;
    private PlanpulsApp app;
    private ApiClient api;

    @BeforeEach
    void start() {
        var config = TestConfigs.inMemory(dataDir, TOKEN);
        app = PlanpulsApp.create(config, Clock.systemUTC()).start();
        api = new ApiClient(app.port(), TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void health_answers_without_a_token_with_the_database_state() {
        var response = api.send("GET", "/health", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
        assertThat(response.json().path("database").path("product").asText()).isEqualTo("H2");
    }

    @Test
    void a_missing_or_wrong_token_is_a_401_problem() {
        var missing = api.send("GET", "/api/v1/plans", null, null);
        var wrong = api.send("GET", "/api/v1/plans", null, "not-the-token");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(TOKEN);
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_with_413() {
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\",\"email\":\"big@example.com\"}";

        var response = api.post("/api/v1/owners", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(api.get("/api/v1/owners").json()).isEmpty();
    }

    @Test
    void the_bot_endpoint_refuses_a_body_that_is_no_activity() {
        assertThat(api.send("POST", "/api/messages", "", null).status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/messages", "{\"type\":", null).status()).isEqualTo(400);
    }

    private JsonNode createOwner(String name, String email) {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private JsonNode milestone(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no milestone " + code);
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
