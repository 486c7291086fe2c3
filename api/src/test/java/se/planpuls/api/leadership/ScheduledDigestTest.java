package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.ApiClient;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.api.TestConfigs;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.ConversationService;
import se.planpuls.domain.ConversationKind;

/** Each channel gets its digest at its own scheduled moment, once, and once after downtime. */
class ScheduledDigestTest {
    static final String TOKEN = "test-admin-token-0123456789";

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(String start) {
            now = Instant.parse(start);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return WorkingCalendar.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dataDir;
    private final MovableClock clock = new MovableClock("2026-11-22T12:00:00Z"); // Sunday
    private final AtomicInteger channelPosts = new AtomicInteger();
    private HttpServer connector;
    private PlanpulsApp app;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/v3/conversations")) {
                channelPosts.incrementAndGet();
            }
            byte[] body = "{\"id\":\"19:thread;messageid=1\",\"activityId\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        connector.start();
        var config = TestConfigs.inMemory(dataDir, TOKEN);
        app = PlanpulsApp.create(config, clock).start();
        api = new ApiClient(app.port(), TOKEN);
        new ConversationService(app.database(), clock).save("19:general@thread.tacv2", ConversationKind.channel,
                null, null, null, "http://127.0.0.1:" + connector.getAddress().getPort() + "/", "tenant", "{}");
        var created = api.post("/api/v1/channels", "{\"planId\":1,\"teamId\":\"19:general@thread.tacv2\","
                + "\"channelId\":\"19:ledning@thread.tacv2\",\"schedule\":\"MON 08:00\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        app.close();
        connector.stop(0);
    }

    private String runSchedule() {
        return api.post("/api/v1/jobs/digest-schedule/run", null).json().path("summary").asText();
    }

    @Test
    void the_digest_comes_at_the_channels_moment_once_and_again_a_week_later() {
        assertThat(runSchedule()).isEqualTo("0 channels posted, 0 failed, 1 not due");

        clock.set("2026-11-23T07:00:00Z"); // Monday 08:00 in Stockholm
        assertThat(runSchedule()).isEqualTo("1 channels posted, 0 failed, 0 not due");
        clock.set("2026-11-23T07:30:00Z");
        assertThat(runSchedule()).isEqualTo("0 channels posted, 0 failed, 1 not due");
        clock.set("2026-11-26T09:00:00Z"); // Thursday
        assertThat(runSchedule()).isEqualTo("0 channels posted, 0 failed, 1 not due");
        clock.set("2026-12-01T10:00:00Z"); // the next Tuesday: Monday's run was missed while down
        assertThat(runSchedule()).isEqualTo("1 channels posted, 0 failed, 0 not due");
        assertThat(runSchedule()).isEqualTo("0 channels posted, 0 failed, 1 not due");

        assertThat(channelPosts).hasValue(2);
    }

    @Test
    void the_on_demand_digest_posts_now_whatever_the_schedule() {
        assertThat(api.post("/api/v1/jobs/digest/run", null).json().path("summary").asText())
                .isEqualTo("1 channels posted, 0 failed");
        assertThat(channelPosts).hasValue(1);
    }
}
