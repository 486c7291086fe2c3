package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator starts it ({@code Main} in a child JVM): what its log says about where
 * it listens, and in production mode a flood of forged bot requests answered 401 with short lines.
 */
class ProductionSwitchesE2ETest {
    static final String TOKEN = "child-admin-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void opened_to_the_network_without_an_app_id_the_service_warns_that_anyone_can_impersonate_an_owner()
            throws Exception {
        try (var local = ServiceProcess.start(dataDir.resolve("local"), Map.of("PLANPULS_ADMIN_TOKEN", TOKEN))) {
            assertThat(local.log()).contains("It listens on 127.0.0.1 only").doesNotContain("IMPERSONATE");
            assertThat(get(local, "/health/ready").statusCode()).isEqualTo(200);
        }
        try (var open = ServiceProcess.start(dataDir.resolve("open"), Map.of("PLANPULS_ADMIN_TOKEN", TOKEN,
                "PLANPULS_BIND_ADDRESS", "0.0.0.0"))) {
            assertThat(open.log()).contains("PLANPULS_BIND_ADDRESS is 0.0.0.0")
                    .contains("ANYONE WHO REACHES THIS ADDRESS CAN IMPERSONATE ANY OWNER")
                    .contains("Planpuls is up on 0.0.0.0:");
        }
    }

    @Test
    void in_production_mode_forged_requests_are_401s_and_the_log_holds_short_lines_without_stack_traces()
            throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (var production = ServiceProcess.start(dataDir, Map.of("PLANPULS_ADMIN_TOKEN", TOKEN,
                "MicrosoftAppId", "6f1c4a2b-8d3e-4f5a-9d6c-7d8e9f0a1b2c", "MicrosoftAppPassword", "app-secret",
                // The network here is closed to the Internet: the keys are out of reach, as they may be in production.
                "BotOpenIdMetadata", "http://127.0.0.1:" + closed + "/v1/.well-known/openidconfiguration",
                "PLANPULS_BIND_ADDRESS", "127.0.0.1"))) {
            for (int i = 0; i < 200; i++) {
                long started = System.nanoTime();
                var response = http.send(HttpRequest.newBuilder(URI.create(production.baseUrl() + "/api/messages"))
                        .header("Authorization", "Bearer abc" + i).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\",\"text\":\"hi\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(1000);
            }
            String log = production.log();
            assertThat(log.lines().filter(l -> l.contains("Refused a bot request"))).hasSize(20);
            assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
            assertThat(log.lines().filter(l -> l.contains("signing keys"))).as("the keys' absence is said once")
                    .singleElement().satisfies(l -> assertThat(l).contains("trying again at most once a minute"));
            var metrics = http.send(HttpRequest.newBuilder(URI.create(production.baseUrl() + "/metrics"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("planpuls_bot_auth_rejections_total 200.0")
                    .contains("planpuls_bot_turns_seconds_count{outcome=\"rejected\"} 200");
        }
    }

    private HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
