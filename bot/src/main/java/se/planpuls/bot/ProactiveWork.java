package se.planpuls.bot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's own proactive work (check-ins, digests, reviews, reaching owners) as a shutdown sees it:
 * how much is under way, and whether to start messages to further people.
 */
final class ProactiveWork {
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger underWay = new AtomicInteger();

    /** From now on no run starts a message to a further person; what is on its way goes on. */
    void stop() {
        stopping.set(true);
    }

    boolean stopping() {
        return stopping.get();
    }

    /** Counts {@code work} as under way until it completes. */
    <T> CompletableFuture<T> track(CompletableFuture<T> work) {
        underWay.incrementAndGet();
        return work.whenComplete((done, error) -> underWay.decrementAndGet());
    }

    /** Waits until nothing is under way, at most {@code patience}; true when nothing is. */
    boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (underWay.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return underWay.get() == 0;
            }
        }
        return true;
    }
}
