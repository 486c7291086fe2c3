package se.planpuls.scheduler;

import java.util.concurrent.CompletableFuture;

/**
 * A port: work the schedule runs, implemented elsewhere (the composition root wires it). The
 * returned future completes with a one-line summary of what the run did.
 */
public interface ScheduledTask {
    String name();

    /** A Quartz cron expression, read in the scheduler's time zone; null for a task run on demand only. */
    String cron();

    CompletableFuture<String> run();
}
