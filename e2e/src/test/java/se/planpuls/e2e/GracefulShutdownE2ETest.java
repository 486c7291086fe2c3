package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a fan-out: the service in a child JVM sends reminders to many owners
 * through a connector that answers slowly, is stopped as an operating system stops it, and started
 * again on the same data. Every owner gets their reminder exactly once: none lost, none twice.
 */
class GracefulShutdownE2ETest {
    static final String TOKEN = "child-admin-token-0123456789";
    static final int OWNERS = 40;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private HttpServer connector;
    private volatile int delayMillis;
    private final Map<String, AtomicInteger> remindersPerChat = new ConcurrentHashMap<>();
    private final AtomicInteger reminders = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startConnector() throws IOException {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        connector.setExecutor(Executors.newFixedThreadPool(16));
        connector.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            int status = 201;
            if (path.contains("/members/")) {
                status = 404;
            } else if (body.contains("Påminnelse från Planpuls")) {
                sleep(delayMillis);
                String chat = JSON.readTree(body).path("conversation").path("id").asText();
                remindersPerChat.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet();
                reminders.incrementAndGet();
            }
            byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        connector.start();
    }

    @AfterEach
    void stopConnector() {
        connector.stop(0);
    }

    @Test
    void a_service_stopped_with_sigterm_mid_fan_out_and_started_again_delivers_each_reminder_exactly_once()
            throws Exception {
        var environment = Map.of("PLANPULS_ADMIN_TOKEN", TOKEN, "PLANPULS_TEST_MODE", "true",
                // Monday 23 November 2026, 08:30 in Stockholm: a working day, whatever day the test runs on.
                "PLANPULS_TEST_CLOCK", "2026-11-23T07:30:00Z");
        try (var service = ServiceProcess.start(dataDir, environment)) {
            for (int i = 1; i <= OWNERS; i++) {
                ownerWithAChatAndAMilestoneDueInFiveWorkingDays(service, i);
            }
            delayMillis = 400;

            var firstRun = http.sendAsync(post(service, "/api/v1/jobs/reminders/run", null),
                    HttpResponse.BodyHandlers.ofString());
            awaitReminders(8, Duration.ofSeconds(60));
            int exit = service.terminate(Duration.ofSeconds(40));

            assertThat(exit).isIn(0, 143);
            int beforeStop = reminders.get();
            assertThat(beforeStop).as("stopped mid fan-out").isBetween(8, OWNERS - 1);
            assertThat(service.log()).contains("Shutting down: no new turns, sends or job runs")
                    .contains("Everything under way finished").contains("Planpuls stopped");
            assertThat(firstRun.get().statusCode()).as("the run under way was answered").isEqualTo(200);

            try (var again = service.restart()) {
                var summary = send(again, post(again, "/api/v1/jobs/reminders/run", null)).path("summary").asText();

                // What went out before the stop, the sends under way at SIGTERM included, is in the sent-log:
                // the next run sees only the rest as due.
                int rest = OWNERS - beforeStop;
                assertThat(summary).as(again.log()).isEqualTo(rest + " due: " + rest + " sent, 0 noted, 0 failed, 0 skipped");
                assertThat(reminders.get()).isEqualTo(OWNERS);
                assertThat(remindersPerChat).hasSize(OWNERS)
                        .allSatisfy((chat, count) -> assertThat(count.get()).as(chat).isEqualTo(1));
                assertThat(send(again, get(again, "/api/v1/reminders?status=sent"))).hasSize(OWNERS);
            }
        }
    }

    private void ownerWithAChatAndAMilestoneDueInFiveWorkingDays(ServiceProcess service, int i) throws Exception {
        String aad = UUID.nameUUIDFromBytes(("owner-" + i).getBytes(StandardCharsets.UTF_8)).toString();
        long owner = send(service, post(service, "/api/v1/owners", "{\"name\":\"Owner " + i + "\",\"email\":\"owner" + i
                + "@example.com\",\"aadObjectId\":\"" + aad + "\"}")).path("id").asLong();
        send(service, post(service, "/api/v1/milestones", "{\"planId\":1,\"areaCode\":\"DIG\",\"code\":\"T-" + i
                + "\",\"title\":\"Test " + i + "\",\"dueYear\":2026,\"dueDate\":\"2026-11-30\",\"ownerId\":" + owner + "}"));
        String message = """
                {"type":"message","id":"m%d","channelId":"msteams","serviceUrl":"http://127.0.0.1:%d/",
                 "from":{"id":"29:owner-%d","name":"Owner %d","aadObjectId":"%s"},"recipient":{"id":"28:planpuls"},
                 "conversation":{"id":"a:owner-%d","conversationType":"personal"},"text":"hjälp","locale":"sv-SE"}"""
                .formatted(i, connector.getAddress().getPort(), i, i, aad, i);
        var said = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(said.statusCode()).isEqualTo(202);
    }

    private void awaitReminders(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (reminders.get() < count) {
            assertThat(System.nanoTime()).as("reminders arriving").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static HttpRequest post(ServiceProcess service, String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest get(ServiceProcess service, String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN)
                .GET().build();
    }

    private JsonNode send(ServiceProcess service, HttpRequest request) throws Exception {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + ": " + response.body() + "\n" + service.log())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
