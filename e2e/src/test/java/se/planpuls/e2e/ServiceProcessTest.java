package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child-process harness itself: it starts the real service, stops it both ways and starts it again. */
class ServiceProcessTest {
    private static final String TOKEN = "child-admin-token-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void a_killed_service_starts_again_on_its_own_data_and_a_terminated_one_exits_cleanly() throws Exception {
        try (var service = ServiceProcess.start(dataDir, Map.of("PLANPULS_ADMIN_TOKEN", TOKEN))) {
            assertThat(get(service, "/api/v1/plans")).contains("\"slug\"");
            service.kill();
            assertThat(service.alive()).isFalse();

            try (var again = service.restart()) {
                assertThat(again.port()).isEqualTo(service.port());
                assertThat(get(again, "/api/v1/plans")).contains("\"slug\"");
                assertThat(again.terminate(Duration.ofSeconds(30))).isIn(0, 143);
                assertThat(again.alive()).isFalse();
            }
        }
    }

    private static String get(ServiceProcess service, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
