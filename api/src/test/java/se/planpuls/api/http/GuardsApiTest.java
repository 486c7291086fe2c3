package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** What guards the admin API through the real server: tokens, read-only tokens, the actor header, the body limit. */
class GuardsApiTest {
    static final String TOKEN = RunningApp.TOKEN;

    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

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
    void several_admin_tokens_work_and_a_read_only_token_reads_but_may_not_write() {
        var second = api.send("GET", "/api/v1/plans", null, RunningApp.SECOND_TOKEN);
        var read = api.send("GET", "/api/v1/plans", null, RunningApp.READER_TOKEN);
        var write = api.send("POST", "/api/v1/owners", "{\"name\":\"X\",\"email\":\"x@example.com\"}",
                RunningApp.READER_TOKEN);
        var secondWrites = api.send("POST", "/api/v1/owners", "{\"name\":\"X\",\"email\":\"x@example.com\"}",
                RunningApp.SECOND_TOKEN);

        assertThat(second.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.body()).doesNotContain(RunningApp.READER_TOKEN);
        assertThat(secondWrites.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/audit?entity=owner").json().get(0).path("actor").asText()).isEqualTo("admin-2");
        assertThat(api.send("GET", "/api/v1/plans", null, RunningApp.READER_TOKEN + "x").status()).isEqualTo(401);
    }

    @Test
    void the_actor_header_names_who_held_the_token_in_the_audit_log() {
        var created = running.send("POST", "/api/v1/owners", "{\"name\":\"Bo Ek\",\"email\":\"bo@example.com\"}",
                Map.of("X-Planpuls-Actor", "anna.berg@example.com\t"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/audit?entity=owner").json().get(0).path("actor").asText())
                .isEqualTo("admin-1 (anna.berg@example.com)");
    }
}
