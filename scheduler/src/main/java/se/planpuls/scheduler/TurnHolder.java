package se.planpuls.scheduler;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's hold on the cluster's {@link SendingTurn}, shared by its runs: taken when the
 * first run needs it, renewed while any run sends, given back when the last one ends. A run that
 * finds another instance sending waits and asks again, so the instances' fan-outs follow each other
 * instead of adding up.
 */
final class TurnHolder {
    private static final Logger LOG = LoggerFactory.getLogger(TurnHolder.class);

    private final SendingTurn turn;
    private final ScheduledExecutorService timer;
    private final Duration hold;
    private final Duration poll;
    private final String holder = "planpuls-" + UUID.randomUUID();
    private int users;
    private ScheduledFuture<?> renewal;
    private volatile boolean lost;
    private final Runnable taken;

    TurnHolder(SendingTurn turn, ScheduledExecutorService timer, Duration hold, Duration poll) {
        this(turn, timer, hold, poll, () -> { });
    }

    /**
     * {@code taken} runs each time the turn is taken anew from the cluster (not when it is renewed
     * or shared by another run): the instance that had it may have sent right up to that moment.
     */
    TurnHolder(SendingTurn turn, ScheduledExecutorService timer, Duration hold, Duration poll, Runnable taken) {
        this.taken = taken;
        this.turn = turn;
        this.timer = timer;
        this.hold = hold;
        this.poll = poll;
    }

    /**
     * Completes once this instance holds the turn for one more user, who must {@link #release} it;
     * cancelled, without holding anything, once {@code stillWanted} says no (a drain, an abandoned run).
     */
    CompletableFuture<Void> acquire(BooleanSupplier stillWanted) {
        var held = new CompletableFuture<Void>();
        tryAcquire(held, stillWanted);
        return held;
    }

    private void tryAcquire(CompletableFuture<Void> held, BooleanSupplier stillWanted) {
        if (!stillWanted.getAsBoolean()) {
            held.cancel(false);
            return;
        }
        boolean taken;
        synchronized (this) {
            boolean kept = users > 0 && !lost;
            taken = kept || take();
            if (taken && !kept) {
                this.taken.run();
            }
            if (taken) {
                users++;
                lost = false;
                if (renewal == null) {
                    long every = Math.max(1, hold.toMillis() / 6);
                    renewal = timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
                }
            }
        }
        if (taken) {
            held.complete(null);
            return;
        }
        try {
            timer.schedule(() -> tryAcquire(held, stillWanted), poll.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            held.cancel(false);
        }
    }

    /** One user is done; the last one gives the turn back. */
    synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            if (renewal != null) {
                renewal.cancel(false);
                renewal = null;
            }
            try {
                turn.giveBack(holder);
            } catch (RuntimeException e) {
                // It expires by itself; another instance waits a little longer.
                LOG.warn("Could not give the sending turn back: {}", e.toString());
            }
        }
    }

    /** False when a renewal found the turn taken by another instance: send nothing until it is back. */
    boolean held() {
        return !lost;
    }

    private void renew() {
        boolean renewed = take();
        synchronized (this) {
            if (users > 0) {
                if (!renewed && !lost) {
                    LOG.warn("The sending turn passed to another instance; sends wait until it is back");
                }
                if (renewed && lost) {
                    taken.run();
                }
                lost = !renewed;
            }
        }
    }

    private boolean take() {
        try {
            return turn.take(holder, hold);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask for the sending turn: {}", e.toString());
            return false;
        }
    }
}
