package se.planpuls.scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces sends so that no conversation gets more than {@code perConversation} a second and the bot
 * sends no more than {@code overall} in any one second in all (Teams: 7 per thread, 50 per app and
 * tenant).
 *
 * <p>The overall limit is kept against when sends were answered, not only when they were meant to
 * leave: the connector counts a send at some moment between its slot and its answer, and threads,
 * GC or a busy CPU can move that moment by tens of milliseconds. So the {@code overall + 1}-th send
 * after any send waits until a second (and a hair) after that send was answered: then no window of
 * one second can hold more than {@code overall} of them, however late each one reached the
 * connector. Slots are otherwise spaced evenly, a little closer than the limit, so the bound is
 * kept without giving away a tenth of the rate as headroom (slots 10 % wider than the limit were how jitter was
 * absorbed before, at about 44 sends a second).
 */
final class RateLimiter {
    /** Per conversation the sends are few; a slot 10 % wider than the bare limit absorbs the jitter. */
    private static final double CONVERSATION_MARGIN = 1.10;
    /**
     * Slots are spaced a little closer than the bare limit: a send answered late holds the ones a
     * window after it back, and at exactly the limit's spacing the sends behind could never make
     * up that time (a fan-out on a busy machine ran at 44 a second so). The window keeps the limit.
     */
    private static final double CATCH_UP = 1.25;
    private static final long WINDOW = 1_000_000_000L;
    /** Beyond the window: the connector's one second is measured on a clock we may not share to the nanosecond. */
    private static final long GUARD = 5_000_000L;
    private static final int PRUNE_AT = 20_000;
    /** Longer than any send may take (the dispatcher gives up on one after 30 s). */
    private static final long NEVER_ANSWERED = Duration.ofMinutes(2).toNanos();

    private final long conversationInterval;
    private final long overallInterval;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<Long, Long> nextPerConversation = new HashMap<>();
    private long nextOverall;
    private boolean anySlot;

    /** The last {@code window.length} permits by number: when each was answered, or still out. */
    private final long[] answeredAt;
    private final boolean[] out;
    private final long[] slotAt;
    /** The number the next permit gets; permits below {@code settled} were answered and folded in. */
    private long issued;
    private long settled;
    /** The latest answer among the settled permits (or another instance's sends), if any. */
    private long latestAnswer;
    private boolean anyAnswer;

    RateLimiter(double perConversation, double overall, LongSupplier nanoTime, Sleeper sleeper) {
        if (perConversation <= 0 || overall <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        this.conversationInterval = (long) (1e9 * CONVERSATION_MARGIN / perConversation);
        this.overallInterval = (long) Math.ceil(1e9 / (overall * CATCH_UP));
        int perWindow = Math.max(1, (int) Math.floor(overall));
        this.answeredAt = new long[perWindow];
        this.out = new boolean[perWindow];
        this.slotAt = new long[perWindow];
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Teams' limits for one bot, on the real clock. */
    static RateLimiter teams() {
        return new RateLimiter(7, 50, System::nanoTime, Sleeper.THREAD);
    }

    /**
     * Waits for the next slot for a send to {@code conversation}; the caller must {@link #answered}
     * the permit once the send was answered (or given up), whatever the answer.
     */
    Permit acquire(long conversation) throws InterruptedException {
        long wait;
        long number;
        synchronized (this) {
            int perWindow = answeredAt.length;
            // The permit about to be issued may leave only a window after every permit perWindow
            // before it was answered; a send still out holds the next ones back until it is.
            while (settled <= issued - perWindow) {
                int at = (int) (settled % perWindow);
                if (out[at]) {
                    long overdue = slotAt[at] + NEVER_ANSWERED - nanoTime.getAsLong();
                    if (overdue > 0) {
                        wait(Math.max(1, overdue / 1_000_000));
                        continue;
                    }
                    // A send whose answer never came (its future hung): it cannot hold the rest back.
                    out[at] = false;
                    answeredAt[at] = nanoTime.getAsLong();
                }
                if (!anyAnswer || answeredAt[at] - latestAnswer > 0) {
                    latestAnswer = answeredAt[at];
                    anyAnswer = true;
                }
                settled++;
            }
            long now = nanoTime.getAsLong();
            long slot = now;
            if (anySlot && nextOverall - slot > 0) {
                slot = nextOverall;
            }
            if (anyAnswer && latestAnswer + WINDOW + GUARD - slot > 0) {
                slot = latestAnswer + WINDOW + GUARD;
            }
            Long conversationNext = nextPerConversation.get(conversation);
            if (conversationNext != null && conversationNext - slot > 0) {
                slot = conversationNext;
            }
            nextOverall = slot + overallInterval;
            anySlot = true;
            nextPerConversation.put(conversation, slot + conversationInterval);
            if (nextPerConversation.size() > PRUNE_AT) {
                nextPerConversation.values().removeIf(next -> next - now < 0);
            }
            number = issued++;
            out[(int) (number % perWindow)] = true;
            slotAt[(int) (number % perWindow)] = slot;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                answered(new Permit(number));
                throw e;
            }
        }
        return new Permit(number);
    }

    /** The send of {@code permit} was answered (or will never be) now. */
    void answered(Permit permit) {
        answered(permit, nanoTime.getAsLong());
    }

    synchronized void answered(Permit permit, long at) {
        int index = (int) (permit.number() % answeredAt.length);
        if (permit.number() < settled || !out[index]) {
            return;
        }
        out[index] = false;
        answeredAt[index] = at;
        notifyAll();
    }

    /**
     * Another instance may have sent up to now (this one just took the sending turn from it), as
     * many as the limit allows: the next sends count them as answered now.
     */
    synchronized void othersSentUntilNow() {
        long now = nanoTime.getAsLong();
        if (!anyAnswer || now - latestAnswer > 0) {
            latestAnswer = now;
            anyAnswer = true;
        }
    }

    /** Holds a conversation back, as a 429's Retry-After asks. */
    synchronized void pause(long conversation, Duration duration) {
        long until = nanoTime.getAsLong() + duration.toNanos();
        nextPerConversation.merge(conversation, until, (a, b) -> b - a > 0 ? b : a);
    }

    /** One send's place in the order of sends. */
    record Permit(long number) {
    }

    /** Sleeps; a seam so tests need not wait. */
    interface Sleeper {
        Sleeper THREAD = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

        void sleep(long nanos) throws InterruptedException;
    }
}
