package se.planpuls.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One log line per refused bot request, without a stack trace, and at most {@value #PER_MINUTE} a
 * minute: a flood of forged requests cannot fill the disk. Lines held back are counted and the count
 * is logged with the next line after the minute.
 */
final class RejectionLog {
    static final int PER_MINUTE = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Consumer<String> sink;
    private Instant windowStart;
    private int logged;
    private long held;

    RejectionLog(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    synchronized void rejected(String reason, String caller) {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(WINDOW))) {
            if (held > 0) {
                sink.accept("Refused " + held + " more bot requests in the minute from " + windowStart
                        + " without logging each");
            }
            windowStart = now;
            logged = 0;
            held = 0;
        }
        if (logged < PER_MINUTE) {
            logged++;
            sink.accept("Refused a bot request" + (caller == null ? "" : " from " + caller) + ": " + reason
                    + (logged == PER_MINUTE ? " (further refusals this minute are counted, not logged)" : ""));
        } else {
            held++;
        }
    }
}
