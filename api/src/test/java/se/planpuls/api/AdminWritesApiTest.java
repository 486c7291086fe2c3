package se.planpuls.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items, owners, audit and tokens through the real server. */
class AdminWritesApiTest {
    @TempDir
    Path dataDir;
    private RunningApp running;
    private ApiClient api;
    private long planId;

    @BeforeEach
    void start() {
        running = new RunningApp(dataDir);
        api = running.api;
        planId = api.get("/api/v1/plans").json().get(0).path("id").asLong();
    }

    @AfterEach
    void stop() {
        running.close();
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

    private long owner(String name, String email) {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private long milestone(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
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
