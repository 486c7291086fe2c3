package se.planpuls.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.ReminderService;
import se.planpuls.domain.reminder.Delivery;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderSendException;
import se.planpuls.domain.reminder.ReminderSender;
import se.planpuls.domain.reminder.SendOutcome;

/**
 * The fan-out: sends due reminders through the {@link ReminderSender} port, each at most once
 * (the sent-log's {@link ReminderService#sendOnce}), paced under Teams' limits, a few at a time, and
 * tries failed sends again: after Retry-After on a 429, with backoff on a 5xx or a timeout.
 */
public final class ReminderDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatcher.class);
    static final int WORKERS = 4;

    private final ReminderService reminders;
    private final ReminderSender sender;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Clock clock;
    private final ScheduledExecutorService workers;

    ReminderDispatcher(ReminderService reminders, ReminderSender sender, RateLimiter limiter, RetryPolicy retry,
                       Clock clock, int workers) {
        this.reminders = reminders;
        this.sender = sender;
        this.limiter = limiter;
        this.retry = retry;
        this.clock = clock;
        var pool = new ScheduledThreadPoolExecutor(workers, runnable -> {
            Thread thread = new Thread(runnable, "planpuls-reminders");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.workers = pool;
    }

    /** Under Teams' limits (7 a second per chat, 50 a second in all) with the default retries. */
    public static ReminderDispatcher teams(ReminderService reminders, ReminderSender sender, Clock clock) {
        return new ReminderDispatcher(reminders, sender, RateLimiter.teams(), RetryPolicy.DEFAULT, clock, WORKERS);
    }

    /** Sends the reminders; completes when each is sent, noted, skipped or has used its attempts. */
    public CompletableFuture<DispatchSummary> dispatch(List<DueReminder> due) {
        var run = new Run(due.size());
        if (due.isEmpty()) {
            run.done.complete(run.summary());
        }
        for (DueReminder reminder : due) {
            workers.execute(() -> attempt(run, reminder, 1));
        }
        return run.done;
    }

    private void attempt(Run run, DueReminder reminder, int attempt) {
        var next = new Duration[1];
        SendOutcome outcome;
        try {
            outcome = reminders.sendOnce(reminder, r -> deliver(r, attempt, next));
        } catch (RuntimeException e) {
            LOG.error("Reminder {} could not be recorded", reminder.key(), e);
            run.finish(SendOutcome.FAILED);
            return;
        }
        if (outcome == SendOutcome.FAILED && next[0] != null && attempt < retry.attemptsInRun()) {
            workers.schedule(() -> attempt(run, reminder, attempt + 1), next[0].toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        run.finish(outcome);
    }

    /** One attempt; {@code inRun[0]} is set to the pause before the next attempt when one may follow in this run. */
    private Delivery deliver(DueReminder reminder, int attempt, Duration[] inRun) {
        long conversation = reminder.recipientOwnerId();
        try {
            sender.send(reminder, () -> pace(conversation)).get(retry.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return Delivery.delivered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (TimeoutException e) {
            return retryable(0, "timed out after " + retry.sendTimeout().toSeconds() + " s", attempt, null, inRun);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof ReminderSendException failure) {
                if (failure.unreachable()) {
                    return Delivery.failed(null, failure.getMessage(), now().plus(retry.unreachable()));
                }
                int status = failure.httpStatus();
                if (status == 429) {
                    Duration wait = failure.retryAfter() == null ? retry.backoffBefore(attempt + 1, jitter())
                            : min(failure.retryAfter(), retry.maxRetryAfter());
                    limiter.pause(conversation, wait);
                    return retryable(status, "429 Too Many Requests", attempt, wait, inRun);
                }
                if (status == 0 || status == 408 || status == 412 || status >= 500) {
                    return retryable(status, failure.getMessage(), attempt, null, inRun);
                }
                return Delivery.failed(status, failure.getMessage(), null);
            }
            return retryable(0, String.valueOf(cause), attempt, null, inRun);
        }
    }

    private void pace(long conversation) {
        try {
            limiter.acquire(conversation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send", e);
        }
    }

    private Delivery retryable(int status, String error, int attempt, Duration wait, Duration[] inRun) {
        Integer http = status == 0 ? null : status;
        if (attempt < retry.attemptsInRun()) {
            inRun[0] = wait != null ? wait : retry.backoffBefore(attempt + 1, jitter());
            return Delivery.failed(http, error, now());
        }
        return Delivery.failed(http, error, now().plus(retry.later()));
    }

    private Instant now() {
        return clock.instant();
    }

    private static double jitter() {
        return ThreadLocalRandom.current().nextDouble();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Counts one fan-out's outcomes and completes when the last is in. */
    private static final class Run {
        final CompletableFuture<DispatchSummary> done = new CompletableFuture<>();
        final int due;
        final AtomicInteger left;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger noted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();

        Run(int due) {
            this.due = due;
            this.left = new AtomicInteger(due);
        }

        void finish(SendOutcome outcome) {
            switch (outcome) {
                case SENT -> sent.incrementAndGet();
                case NOTED -> noted.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
                case SKIPPED -> skipped.incrementAndGet();
            }
            if (left.decrementAndGet() == 0) {
                done.complete(summary());
            }
        }

        DispatchSummary summary() {
            return new DispatchSummary(due, sent.get(), noted.get(), failed.get(), skipped.get());
        }
    }
}
