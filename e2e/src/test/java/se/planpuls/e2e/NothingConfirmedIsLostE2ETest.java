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
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.db.TestDatabases;

/**
 * What the service has confirmed survives SIGKILL: the service in a child JVM confirms writes of
 * every kind (admin API writes and their audit rows, a plan import, reminders in the sent-log, and
 * last an owner's report the bot thanks them for), is killed on the spot the moment the bot's
 * "Tack!" arrives, and is started again on the same data. Everything confirmed is still there.
 */
class NothingConfirmedIsLostE2ETest {
    static final String TOKEN = "child-admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "plan_slug,plan_name,organisation,period_start,period_end,area_group,area,"
            + "area_name,kind,code,title,due\n"
            + "kill-plan,Kill plan,Region Test,2026,2027,Grupp,K,Område K,milestone,K-1,Överlever en kill,2027\n";

    @TempDir
    Path dataDir;
    private HttpServer connector;
    private final Semaphore thanked = new Semaphore(0);
    private final HttpClient http = HttpClient.newHttpClient();
    private String schema;

    @BeforeEach
    void startConnector() throws IOException {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        connector.setExecutor(Executors.newFixedThreadPool(4));
        connector.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().contains("/members/") ? 404 : 201;
            if (body.contains("är nu rapporterad")) {
                thanked.release();
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
    void stop() throws Exception {
        connector.stop(0);
        if (schema != null) {
            try (var db = DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
                db.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void writes_the_service_confirmed_survive_a_sigkill(TestDatabases.Kind kind) throws Exception {
        var environment = new HashMap<>(Map.of("PLANPULS_ADMIN_TOKEN", TOKEN, "PLANPULS_TEST_MODE", "true",
                // Monday 23 November 2026, 08:30 in Stockholm: a working day, whatever day the test runs on.
                "PLANPULS_TEST_CLOCK", "2026-11-23T07:30:00Z"));
        if (kind == TestDatabases.Kind.POSTGRESQL) {
            schema = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (var db = DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
                db.createStatement().execute("CREATE SCHEMA " + schema);
            }
            environment.put("PLANPULS_DB_URL", TestDatabases.POSTGRES_URL + "&currentSchema=" + schema);
        }
        try (var service = ServiceProcess.start(dataDir, environment)) {
            String aad = UUID.randomUUID().toString();
            long owner = send(service, "POST", "/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\","
                    + "\"aadObjectId\":\"" + aad + "\"}").path("id").asLong();
            long item = send(service, "POST", "/api/v1/milestones", "{\"planId\":1,\"areaCode\":\"DIG\",\"code\":\"T-1\","
                    + "\"title\":\"Test\",\"dueYear\":2026,\"dueDate\":\"2026-11-30\",\"ownerId\":" + owner + "}")
                    .path("milestone").path("id").asLong();
            say(service, aad, "hjälp");
            var run = send(service, "POST", "/api/v1/jobs/reminders/run", null);
            assertThat(run.path("summary").asText()).contains("1 sent");
            long plan = importCsv(service);
            send(service, "PATCH", "/api/v1/milestones/" + item, "{\"title\":\"Test som överlever\"}");
            String auditBefore = get(service, "/api/v1/audit?limit=500");

            say(service, aad, "rapportera T-1 gul Upphandlingen pågår");
            assertThat(thanked.tryAcquire(30, TimeUnit.SECONDS)).as("the bot thanked the owner\n" + service.log()).isTrue();
            service.kill();

            ServiceProcess running = service.restart();
            try {
                JsonNode detail = JSON.readTree(get(running, "/api/v1/milestones/" + item));
                assertThat(detail.path("milestone").path("title").asText()).isEqualTo("Test som överlever");
                assertThat(detail.path("history")).as("the report the bot confirmed").hasSize(1);
                assertThat(detail.path("history").get(0).path("comment").asText()).isEqualTo("Upphandlingen pågår");
                assertThat(JSON.readTree(get(running, "/api/v1/plans/" + plan)).path("slug").asText()).isEqualTo("kill-plan");
                assertThat(JSON.readTree(get(running, "/api/v1/reminders?status=sent"))).hasSize(1);
                assertThat(JSON.readTree(get(running, "/api/v1/owners"))).hasSize(1);
                String auditAfter = get(running, "/api/v1/audit?limit=500");
                assertThat(JSON.readTree(auditAfter).size()).isGreaterThan(JSON.readTree(auditBefore).size());
                assertThat(auditAfter).contains(JSON.readTree(auditBefore).get(0).toString());

                // A lost commit is a matter of timing, so one kill could pass by luck: kill twice more, each
                // the moment the bot confirms, and count every report.
                for (int round = 2; round <= 3; round++) {
                    say(running, aad, "rapportera T-1 gul Runda " + round);
                    assertThat(thanked.tryAcquire(30, TimeUnit.SECONDS)).as("thanked in round " + round).isTrue();
                    running.kill();
                    running = running.restart();
                    JsonNode history = JSON.readTree(get(running, "/api/v1/milestones/" + item)).path("history");
                    assertThat(history).as("reports after kill " + round).hasSize(round);
                    assertThat(history.toString()).contains("Runda " + round);
                }
            } finally {
                running.close();
            }
        }
    }

    private void say(ServiceProcess service, String aad, String text) throws Exception {
        String message = """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"http://127.0.0.1:%d/",
                 "from":{"id":"29:anna","name":"Anna Berg","aadObjectId":"%s"},"recipient":{"id":"28:planpuls"},
                 "conversation":{"id":"a:anna","conversationType":"personal"},"text":"%s","locale":"sv-SE"}"""
                .formatted(UUID.randomUUID(), connector.getAddress().getPort(), aad, text);
        var said = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(said.statusCode()).as(said.body()).isEqualTo(202);
    }

    private long importCsv(ServiceProcess service) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/plans/import"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(CSV)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("planId").asLong();
    }

    private JsonNode send(ServiceProcess service, String method, String path, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body() + "\n" + service.log()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private String get(ServiceProcess service, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
