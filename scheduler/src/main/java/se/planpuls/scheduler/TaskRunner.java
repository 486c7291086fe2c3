package se.planpuls.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task at most once at a time, whether Quartz or an admin starts it, and times each run
 * ({@code planpuls_jobs_seconds} by job and outcome).
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ScheduledTask task;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Semaphore running = new Semaphore(1);

    TaskRunner(ScheduledTask task, Clock clock, MeterRegistry metrics) {
        this.task = task;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** True while a run is under way. */
    boolean busy() {
        return running.availablePermits() == 0;
    }

    ScheduledTask task() {
        return task;
    }

    CompletableFuture<TaskRun> run() {
        if (!running.tryAcquire()) {
            return CompletableFuture.failedFuture(new JobBusyException(task.name()));
        }
        var started = clock.instant();
        long startedNanos = System.nanoTime();
        CompletableFuture<String> work;
        try {
            work = task.run();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.whenComplete((summary, error) -> {
            Timer.builder("planpuls.jobs").description("Job runs and their durations")
                    .tag("job", task.name()).tag("outcome", error == null ? "ok" : "failed")
                    .register(metrics).record(Duration.ofNanos(System.nanoTime() - startedNanos));
            running.release();
            if (error != null) {
                LOG.error("Job {} failed", task.name(), error);
            } else {
                LOG.info("Job {} done: {}", task.name(), summary);
            }
        }).thenApply(summary -> new TaskRun(task.name(), started, clock.instant(), summary));
    }
}
