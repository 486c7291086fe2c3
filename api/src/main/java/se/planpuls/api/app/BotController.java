package se.planpuls.api.app;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import se.planpuls.api.http.Refusal;
import se.planpuls.bot.BotResponse;
import se.planpuls.bot.TeamsBot;

/**
 * {@code POST /api/messages}: hands the body to the bot and writes its answer, timing each turn by
 * outcome ({@code planpuls_bot_turns_seconds}). While the service shuts down it takes no new turns
 * (503, so Teams or the load balancer tries again) and lets those under way finish.
 */
final class BotController {
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(15)};

    private final TeamsBot bot;
    private final MeterRegistry metrics;
    private final AtomicBoolean draining;
    private final AtomicInteger inFlight = new AtomicInteger();

    BotController(TeamsBot bot, MeterRegistry metrics, AtomicBoolean draining) {
        this.bot = bot;
        this.metrics = metrics;
        this.draining = draining;
    }

    void messages(Context ctx) {
        if (draining.get()) {
            ctx.header("Retry-After", "5");
            record("unavailable", 0);
            throw new Refusal(503, null, "the service is shutting down; try again shortly");
        }
        String auth = ctx.header("Authorization");
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        ctx.future(() -> bot.process(auth, ctx.body(), ctx.ip()).whenComplete((response, error) -> {
            inFlight.decrementAndGet();
            record(error != null ? "failed" : outcome(response.status()), System.nanoTime() - started);
        }).thenAccept(response -> {
            // An invoke's own answer (with a body) goes back as the SDK made it.
            if (response.status() >= 400 && response.body() == null) {
                throw refusal(response);
            }
            ctx.status(response.status());
            if (response.body() != null) {
                ctx.contentType("application/json").result(response.body());
            }
        }));
    }

    /** The bot's refusal as the problem+json every error of the service is. */
    private static Refusal refusal(BotResponse response) {
        return switch (response.status()) {
            case 400 -> new Refusal(400, response.field(), response.detail());
            case 401 -> new Refusal(401, "Authorization", "a valid Bot Framework token is required");
            default -> response.status() >= 500
                    ? new Refusal(response.status(), null, "the turn failed; it has been logged")
                    : new Refusal(response.status(), null, "the bot refused the request");
        };
    }

    /** Turns under way: taken before the shutdown began and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    private static String outcome(int status) {
        if (status == 401) {
            return "rejected";
        }
        if (status >= 500) {
            return "failed";
        }
        return status >= 400 ? "refused" : "processed";
    }

    private void record(String outcome, long nanos) {
        Timer.builder("planpuls.bot.turns").description("Requests to the bot endpoint by outcome, and their latency")
                .tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                .register(metrics).record(Duration.ofNanos(nanos));
    }
}
