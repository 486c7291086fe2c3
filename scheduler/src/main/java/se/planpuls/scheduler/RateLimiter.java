package se.planpuls.scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces sends so that no conversation gets more than {@code perConversation} a second and the bot
 * sends no more than {@code overall} a second in all (Teams: 7 per thread, 50 per app and tenant).
 * Each send takes the next free slot of both; a slot is a little wider than the bare limit so
 * that the jitter between a slot and the moment the connector sees the send (thread hand-offs,
 * GC, a busy CPU) does not let a one-second window hold one send too many.
 */
final class RateLimiter {
    private static final double MARGIN = 1.10;
    private static final int PRUNE_AT = 20_000;

    private final long conversationInterval;
    private final long overallInterval;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<Long, Long> nextPerConversation = new HashMap<>();
    private long nextOverall = Long.MIN_VALUE;

    RateLimiter(double perConversation, double overall, LongSupplier nanoTime, Sleeper sleeper) {
        if (perConversation <= 0 || overall <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        this.conversationInterval = (long) (1e9 * MARGIN / perConversation);
        this.overallInterval = (long) (1e9 * MARGIN / overall);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Teams' limits for one bot, on the real clock. */
    static RateLimiter teams() {
        return new RateLimiter(7, 50, System::nanoTime, Sleeper.THREAD);
    }

    /** Waits for the next slot for a send to {@code conversation}. */
    void acquire(long conversation) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(now, nextOverall == Long.MIN_VALUE ? now : nextOverall);
            Long conversationNext = nextPerConversation.get(conversation);
            if (conversationNext != null && conversationNext - slot > 0) {
                slot = conversationNext;
            }
            nextOverall = slot + overallInterval;
            nextPerConversation.put(conversation, slot + conversationInterval);
            if (nextPerConversation.size() > PRUNE_AT) {
                nextPerConversation.values().removeIf(next -> next - now < 0);
            }
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    /** Holds a conversation back, as a 429's Retry-After asks. */
    synchronized void pause(long conversation, Duration duration) {
        long until = nanoTime.getAsLong() + duration.toNanos();
        nextPerConversation.merge(conversation, until, (a, b) -> b - a > 0 ? b : a);
    }

    /** Sleeps; a seam so tests need not wait. */
    interface Sleeper {
        Sleeper THREAD = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

        void sleep(long nanos) throws InterruptedException;
    }
}
