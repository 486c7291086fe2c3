package se.planpuls.scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.ReminderService;
import se.planpuls.domain.reminder.Delivery;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderSendException;
import se.planpuls.domain.reminder.ReminderSender;
import se.planpuls.domain.reminder.SendOutcome;

/**
 * The fan-out: sends due reminders through the {@link ReminderSender} port, each at most once
 * (the sent-log's {@link ReminderService#sendOnce}), the reminders due to one recipient together as
 * one message, paced under Teams' limits, a few messages at a time, and
 * tries failed sends again: after Retry-After on a 429, with backoff on a 5xx or a timeout.
 * {@link #drain()} stops it taking new sends for a shutdown: sends under way finish and are
 * recorded, the rest are left unrecorded for the next run, so none is lost and none is sent twice.
 */
public final class ReminderDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatcher.class);
    static final int WORKERS = 4;
    /** How long a sending turn lasts without renewal, and how often a waiting instance asks for it. */
    static final Duration TURN_HOLD = Duration.ofSeconds(30);
    static final Duration TURN_POLL = Duration.ofMillis(200);
    /** How long a send waits for a turn that passed to another instance before it counts as failed. */
    private static final long TURN_PATIENCE_NANOS = Duration.ofSeconds(5).toNanos();

    private final ReminderService reminders;
    private final ReminderSender sender;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Clock clock;
    private final ScheduledExecutorService workers;
    private final MeterRegistry metrics;
    private final Counter retries;
    private final Counter throttled;
    private final Counter sends;
    private final AtomicReference<Double> lastRunRate = new AtomicReference<>(0.0);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.Set<Run> runs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final TurnHolder turn;
    private final ScheduledExecutorService turnTimer;

    ReminderDispatcher(ReminderService reminders, ReminderSender sender, RateLimiter limiter, RetryPolicy retry,
                       Clock clock, int workers) {
        this(reminders, sender, limiter, retry, clock, workers, new CompositeMeterRegistry(), SendingTurn.ALONE);
    }

    ReminderDispatcher(ReminderService reminders, ReminderSender sender, RateLimiter limiter, RetryPolicy retry,
                       Clock clock, int workers, MeterRegistry metrics, SendingTurn sendingTurn) {
        this.reminders = reminders;
        this.sender = sender;
        this.limiter = limiter;
        this.retry = retry;
        this.clock = clock;
        this.metrics = metrics;
        this.retries = Counter.builder("planpuls.reminder.retries")
                .description("Reminder sends tried again within a run").register(metrics);
        this.throttled = Counter.builder("planpuls.connector.throttled")
                .description("429 Too Many Requests answered by the Teams connector").register(metrics);
        this.sends = Counter.builder("planpuls.fanout.sends")
                .description("Reminder sends that reached the connector (rate() gives sends per second)")
                .register(metrics);
        io.micrometer.core.instrument.Gauge.builder("planpuls.fanout.last.run.sends.per.second", lastRunRate,
                        AtomicReference::get)
                .description("Reminders sent per second in the last fan-out that sent any").register(metrics);
        var pool = new ScheduledThreadPoolExecutor(workers, runnable -> {
            Thread thread = new Thread(runnable, "planpuls-reminders");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.workers = pool;
        // Alone, this limiter has seen every send; in a cluster the instance sending before may have
        // used the whole second just before the turn came here.
        // The turn is renewed on a thread of its own: on the workers' pool a renewal queued behind
        // every send of a large fan-out, the turn expired after 30 s and another instance took it
        // mid-run (two instances on 2,000 owners drew 269 answers 429 so).
        this.turnTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "planpuls-sending-turn");
            thread.setDaemon(true);
            return thread;
        });
        this.turn = new TurnHolder(sendingTurn, turnTimer, TURN_HOLD, TURN_POLL,
                sendingTurn == SendingTurn.ALONE ? () -> { } : limiter::othersSentUntilNow);
    }

    /** Under Teams' limits (7 a second per chat, 50 a second in all) with the default retries. */
    public static ReminderDispatcher teams(ReminderService reminders, ReminderSender sender, Clock clock) {
        return teams(reminders, sender, clock, new CompositeMeterRegistry());
    }

    /**
     * As {@link #teams(ReminderService, ReminderSender, Clock)}, recording sends, failures, retries and
     * 429s; instances sharing the database take turns, so the limits hold for the cluster.
     */
    public static ReminderDispatcher teams(ReminderService reminders, ReminderSender sender, Clock clock,
                                           MeterRegistry metrics) {
        return new ReminderDispatcher(reminders, sender, RateLimiter.teams(), RetryPolicy.DEFAULT, clock, WORKERS,
                metrics, SendingTurn.shared(reminders));
    }

    /** Sends the reminders; completes when each is sent, noted, skipped or has used its attempts. */
    public CompletableFuture<DispatchSummary> dispatch(List<DueReminder> due) {
        var run = new Run(due.size(), System.nanoTime());
        if (due.isEmpty()) {
            run.done.complete(run.summary());
        }
        runs.add(run);
        run.done.whenComplete((summary, error) -> runs.remove(run));
        if (draining.get()) {
            run.abandon();
        }
        if (!due.isEmpty()) {
            turn.acquire(() -> !run.done.isDone() && !draining.get()).thenRun(() -> {
                run.done.whenComplete((summary, error) -> turn.release());
                run.startedNanos = System.nanoTime();
                for (List<DueReminder> message : messages(due)) {
                    try {
                        workers.execute(() -> attempt(run, message, 1));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        run.defer(message.size());
                    }
                }
            });
        }
        return run.done.whenComplete((summary, error) -> {
            if (summary != null && summary.sent() > 0) {
                lastRunRate.set(summary.sent() / Math.max(0.001, (System.nanoTime() - run.startedNanos) / 1e9));
            }
        });
    }

    /**
     * Takes no new sends from now on: attempts not yet started (and retries not yet due) are left for
     * the next run, unrecorded. Sends under way go on; {@link #awaitIdle} waits for them.
     */
    public void drain() {
        draining.set(true);
        // A run waiting only for retries that will not come now ends here; each send under way is
        // still recorded by the sent-log, whatever the run's summary says.
        runs.forEach(Run::abandon);
    }

    /** Waits until no send is under way, at most {@code patience}; true when none is. */
    public boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inFlight.get() == 0;
            }
        }
        return true;
    }

    /**
     * The messages to send: the reminders due to one recipient go out together, so an owner of six
     * milestones gets one card, not six; a reminder with nobody to tell is noted on its own.
     */
    static List<List<DueReminder>> messages(List<DueReminder> due) {
        Map<Long, List<DueReminder>> byRecipient = new LinkedHashMap<>();
        List<List<DueReminder>> messages = new ArrayList<>();
        for (DueReminder reminder : due) {
            if (reminder.recipientOwnerId() == null) {
                messages.add(List.of(reminder));
            } else {
                byRecipient.computeIfAbsent(reminder.recipientOwnerId(), id -> new ArrayList<>()).add(reminder);
            }
        }
        messages.addAll(byRecipient.values());
        return messages;
    }

    private void attempt(Run run, List<DueReminder> message, int attempt) {
        inFlight.incrementAndGet();
        try {
            if (draining.get()) {
                run.defer(message.size());
                return;
            }
            var next = new Duration[1];
            Map<ReminderKey, SendOutcome> outcomes;
            try {
                outcomes = reminders.sendOnce(message, batch -> deliver(batch, attempt, next));
            } catch (RuntimeException e) {
                LOG.error("Reminders {} could not be recorded", message.stream().map(DueReminder::key).toList(), e);
                message.forEach(r -> finish(run, SendOutcome.FAILED));
                return;
            }
            // Only the ones that failed now are tried again; the sent-log skips the rest anyway.
            List<DueReminder> failed = message.stream()
                    .filter(r -> outcomes.get(r.key()) == SendOutcome.FAILED).toList();
            boolean again = !failed.isEmpty() && next[0] != null && attempt < retry.attemptsInRun();
            for (DueReminder reminder : message) {
                SendOutcome outcome = outcomes.getOrDefault(reminder.key(), SendOutcome.SKIPPED);
                if (!(again && outcome == SendOutcome.FAILED)) {
                    finish(run, outcome);
                }
            }
            if (again) {
                retries.increment();
                try {
                    workers.schedule(() -> attempt(run, failed, attempt + 1), next[0].toMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // Shutting down: the failure is recorded with its retry time, so the retry job picks it up.
                    failed.forEach(r -> finish(run, SendOutcome.FAILED));
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void finish(Run run, SendOutcome outcome) {
        Counter.builder("planpuls.reminders").description("Reminders by outcome of their send")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(metrics).increment();
        run.finish(outcome);
    }

    /** One attempt; {@code inRun[0]} is set to the pause before the next attempt when one may follow in this run. */
    private Delivery deliver(List<DueReminder> message, int attempt, Duration[] inRun) {
        long conversation = message.get(0).recipientOwnerId();
        var permit = new AtomicReference<RateLimiter.Permit>();
        try {
            // Counted as answered when the send's future completes (the connector saw it by then), or
            // when this attempt gives up waiting, whichever comes first.
            sender.send(message, () -> {
                permit.set(pace(conversation));
                sends.increment();
            }).whenComplete((done, error) -> answered(permit))
                    .get(retry.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return Delivery.delivered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (TimeoutException e) {
            answered(permit);
            return retryable(0, "timed out after " + retry.sendTimeout().toSeconds() + " s", attempt, null, inRun);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof ReminderSendException failure) {
                if (failure.unreachable()) {
                    return Delivery.failed(null, failure.getMessage(), now().plus(retry.unreachable()));
                }
                int status = failure.httpStatus();
                if (status == 429) {
                    throttled.increment();
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

    /**
     * Gives the permit back to the limiter, once; left out, a permit would hold later sends back.
     */
    private void answered(AtomicReference<RateLimiter.Permit> permit) {
        var taken = permit.getAndSet(null);
        if (taken != null) {
            limiter.answered(taken);
        }
    }

    private RateLimiter.Permit pace(long conversation) {
        try {
            long patience = System.nanoTime() + TURN_PATIENCE_NANOS;
            while (!turn.held()) {
                if (System.nanoTime() - patience > 0) {
                    throw new IllegalStateException("another instance is sending reminders now");
                }
                Thread.sleep(TURN_POLL.toMillis());
            }
            return limiter.acquire(conversation);
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
        turnTimer.shutdownNow();
        runs.forEach(Run::abandon);
    }

    /** Counts one fan-out's outcomes and completes when the last is in. */
    private static final class Run {
        final CompletableFuture<DispatchSummary> done = new CompletableFuture<>();
        final int due;
        volatile long startedNanos;
        final AtomicInteger left;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger noted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();

        Run(int due, long startedNanos) {
            this.due = due;
            this.startedNanos = startedNanos;
            this.left = new AtomicInteger(due);
        }

        void finish(SendOutcome outcome) {
            switch (outcome) {
                case SENT -> sent.incrementAndGet();
                case NOTED -> noted.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
                case SKIPPED -> skipped.incrementAndGet();
            }
            done();
        }

        /** Ends the run now, counting every reminder not yet finished as left for the next run. */
        void abandon() {
            var summary = summary();
            done.complete(new DispatchSummary(due, summary.sent(), summary.noted(), summary.failed(),
                    summary.skipped(), Math.max(0, left.get())));
        }

        /** Not attempted because the service is shutting down: the next run sends them. */
        void defer(int reminders) {
            for (int i = 0; i < reminders; i++) {
                deferred.incrementAndGet();
                done();
            }
        }

        private void done() {
            if (left.decrementAndGet() == 0) {
                done.complete(summary());
            }
        }

        DispatchSummary summary() {
            return new DispatchSummary(due, sent.get(), noted.get(), failed.get(), skipped.get(), deferred.get());
        }
    }
}
