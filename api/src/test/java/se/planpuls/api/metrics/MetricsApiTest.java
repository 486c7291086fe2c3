package se.planpuls.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.ApiClient;
import se.planpuls.api.TestConfigs;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.bot.BotSettings;
import se.planpuls.db.ConversationService;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * {@code GET /metrics} after some traffic through the real paths: a bot turn, a refused request, a
 * reminder the connector first throttles and then takes, a digest and an annual review posted to a channel. Every meter
 * carries the {@code planpuls_} prefix.
 */
class MetricsApiTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String READER = "dashboard-read-only-token-xyz";
    static final String ANNA_AAD = "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b";
    /** Monday 23 November 2026, 08:30 in Stockholm. */
    static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    @TempDir
    Path dataDir;
    private HttpServer connector;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private PlanpulsApp app;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int status = 201;
            String body = "{\"id\":\"1\",\"activityId\":\"1\"}";
            if (path.contains("/members/")) {
                status = 404;
                body = "{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}";
            } else if (path.contains("/activities") && throttleNext.getAndDecrement() > 0) {
                status = 429;
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        connector.start();
        var config = new Config(0, dataDir, TestConfigs.freshH2(), TOKEN, new BotSettings("", "", ""), null,
                List.of(), List.of(READER));
        app = PlanpulsApp.create(config, MONDAY).start();
        api = new ApiClient(app.port(), TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        connector.stop(0);
    }

    private String connectorUrl() {
        return "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
    }

    @Test
    void metrics_need_a_token_and_a_read_only_one_will_do() {
        assertThat(api.send("GET", "/metrics", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/metrics", null, "not-a-token-at-all-000").status()).isEqualTo(401);
        var scrape = api.send("GET", "/metrics", null, READER);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
    }

    @Test
    void after_turns_a_throttled_reminder_and_a_digest_every_documented_meter_is_there() {
        long anna = api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\","
                + "\"aadObjectId\":\"" + ANNA_AAD + "\"}").json().path("id").asLong();
        long dig3 = api.get("/api/v1/milestones?q=DIG-3").json().get(0).path("id").asLong();
        api.patch("/api/v1/milestones/" + dig3, "{\"ownerId\":" + anna + ",\"dueDate\":\"2026-11-30\"}");
        assertThat(api.send("POST", "/api/messages", message(), null).status()).isEqualTo(202);
        assertThat(api.send("POST", "/api/messages", "{\"not\":\"an activity\"", null).status()).isEqualTo(400);
        throttleNext.set(1);
        assertThat(api.post("/api/v1/jobs/reminders/run", null).json().path("summary").asText())
                .isEqualTo("1 due: 1 sent, 0 noted, 0 failed, 0 skipped");
        new ConversationService(app.database(), MONDAY).save("19:general@thread.tacv2", ConversationKind.channel,
                null, null, null, connectorUrl(), "tenant", "{}");
        assertThat(api.post("/api/v1/channels", "{\"planId\":1,\"teamId\":\"19:general@thread.tacv2\","
                + "\"channelId\":\"19:ledning@thread.tacv2\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/jobs/digest/run", null).json().path("summary").asText())
                .isEqualTo("1 channels posted, 0 failed");
        assertThat(api.post("/api/v1/plans/1/annual-review?year=2025", null).status()).isEqualTo(201);

        String scrape = api.get("/metrics").body();

        assertThat(scrape)
                .contains("planpuls_bot_turns_seconds_count{outcome=\"processed\"} 1")
                .contains("planpuls_bot_turns_seconds_count{outcome=\"refused\"} 1")
                .contains("planpuls_bot_turns_seconds_bucket{outcome=\"processed\",le=\"0.5\"}")
                .contains("planpuls_reminders_total{outcome=\"sent\"} 1")
                .contains("planpuls_reminder_retries_total 1")
                .contains("planpuls_connector_throttled_total 1")
                .contains("planpuls_fanout_sends_total 2")
                .contains("planpuls_fanout_last_run_sends_per_second")
                .contains("planpuls_jobs_seconds_count{job=\"reminders\",outcome=\"ok\"} 1")
                .contains("planpuls_jobs_seconds_count{job=\"digest\",outcome=\"ok\"} 1")
                .contains("planpuls_digests_posted_total{outcome=\"posted\"} 1")
                .contains("planpuls_annual_reviews_posted_total{outcome=\"posted\"} 1")
                .contains("planpuls_db_pool_connections_active")
                .contains("planpuls_db_pool_connections_pending")
                .contains("planpuls_jvm_memory_used_bytes")
                .contains("planpuls_jvm_threads_live_threads")
                .contains("planpuls_process_uptime_seconds");
        assertThat(Arrays.stream(scrape.split("\n")).filter(line -> !line.isBlank() && !line.startsWith("#")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("planpuls_"));
    }

    private String message() {
        return """
                {"type":"message","id":"1","timestamp":"2026-11-23T07:30:01.123Z","channelId":"msteams",
                 "serviceUrl":"%s","from":{"id":"29:1anna","name":"Anna Berg","aadObjectId":"%s"},
                 "recipient":{"id":"28:planpuls","name":"Planpuls"},"locale":"sv-SE",
                 "conversation":{"id":"a:1anna-personal","conversationType":"personal","tenantId":"t"},
                 "text":"hjälp","textFormat":"plain"}""".formatted(connectorUrl(), ANNA_AAD);
    }
}
