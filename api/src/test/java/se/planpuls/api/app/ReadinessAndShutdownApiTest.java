package se.planpuls.api.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.ApiClient;
import se.planpuls.api.TestConfigs;

/**
 * {@code /health/ready} for a load balancer, and a graceful stop: from the first moment of a
 * shutdown the service is not ready and takes no new turn, while the turn under way finishes.
 */
class ReadinessAndShutdownApiTest {
    static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;
    private HttpServer connector;
    private final CountDownLatch replyStarted = new CountDownLatch(1);
    private PlanpulsApp app;

    @BeforeEach
    void start() throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        connector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = 201;
            if (exchange.getRequestURI().getPath().contains("/members/")) {
                status = 404;
            } else {
                replyStarted.countDown();
                sleep(1_500);
            }
            byte[] bytes = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        connector.start();
        app = PlanpulsApp.create(TestConfigs.inMemory(dataDir, TOKEN), Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        app.close();
        connector.stop(0);
    }

    @Test
    void a_running_service_is_ready_with_its_database_migrated_and_its_schedule_started() {
        var ready = new ApiClient(app.port(), null).get("/health/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("database").path("migrationsApplied").asBoolean()).isTrue();
        assertThat(ready.json().path("scheduler").path("started").asBoolean()).isTrue();
        assertThat(ready.json().path("shuttingDown").asBoolean()).isFalse();
        assertThat(new ApiClient(app.port(), null).get("/health").status()).isEqualTo(200);
    }

    @Test
    void a_shutdown_takes_no_new_turn_and_lets_the_turn_under_way_finish() throws Exception {
        var http = HttpClient.newHttpClient();
        var underWay = http.sendAsync(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(replyStarted.await(20, TimeUnit.SECONDS)).as("the turn is under way").isTrue();

        var stopping = CompletableFuture.runAsync(() -> app.close(Duration.ofSeconds(20)));
        var api = new ApiClient(app.port(), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (api.get("/health/ready").status() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(api.get("/health/ready").json().path("shuttingDown").asBoolean()).isTrue();
        var refused = http.send(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        var job = new ApiClient(app.port(), TOKEN).post("/api/v1/jobs/reminders/run", null);
        assertThat(job.status()).as("no job starts either: " + job.body()).isEqualTo(503);
        assertThat(job.json().path("type").asText()).endsWith("/shutting-down");

        assertThat(underWay.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        stopping.get(20, TimeUnit.SECONDS);
    }

    private HttpRequest message() {
        String body = """
                {"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:%d/",
                 "from":{"id":"29:1anna","name":"Anna Berg"},"recipient":{"id":"28:planpuls"},"locale":"sv-SE",
                 "conversation":{"id":"a:1anna-personal","conversationType":"personal"},"text":"hjälp"}"""
                .formatted(connector.getAddress().getPort());
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
