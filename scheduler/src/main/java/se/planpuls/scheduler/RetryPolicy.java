package se.planpuls.scheduler;

import java.time.Duration;

/**
 * How failed sends are tried again. Within a run: up to {@code attemptsInRun} attempts, after a
 * 429's Retry-After or an exponential backoff with jitter from {@code backoff}; after that, from
 * {@code later} on by the retry job. An owner with no stored chat is tried again after {@code unreachable}.
 */
public record RetryPolicy(int attemptsInRun, Duration backoff, Duration maxRetryAfter, Duration later,
                          Duration unreachable, Duration sendTimeout) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofMinutes(2),
            Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofSeconds(30));

    /** The pause before attempt {@code next} (2, 3, ...): base × 2^(next-2), ±20 %. */
    Duration backoffBefore(int next, double jitter) {
        long base = backoff.toMillis() << Math.min(10, Math.max(0, next - 2));
        return Duration.ofMillis(Math.max(1, (long) (base * (0.8 + 0.4 * jitter))));
    }
}
