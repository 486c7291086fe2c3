package se.planpuls.scheduler;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one task at most once at a time, whether Quartz or an admin starts it. */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ScheduledTask task;
    private final Clock clock;
    private final Semaphore running = new Semaphore(1);

    TaskRunner(ScheduledTask task, Clock clock) {
        this.task = task;
        this.clock = clock;
    }

    ScheduledTask task() {
        return task;
    }

    CompletableFuture<TaskRun> run() {
        if (!running.tryAcquire()) {
            return CompletableFuture.failedFuture(new JobBusyException(task.name()));
        }
        var started = clock.instant();
        CompletableFuture<String> work;
        try {
            work = task.run();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.whenComplete((summary, error) -> {
            running.release();
            if (error != null) {
                LOG.error("Job {} failed", task.name(), error);
            } else {
                LOG.info("Job {} done: {}", task.name(), summary);
            }
        }).thenApply(summary -> new TaskRun(task.name(), started, clock.instant(), summary));
    }
}
