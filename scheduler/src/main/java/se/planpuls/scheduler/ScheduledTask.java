package se.planpuls.scheduler;

import java.util.concurrent.CompletableFuture;

/**
 * A port: work the schedule runs, implemented elsewhere (the composition root wires it). The
 * returned future completes with a one-line summary of what the run did.
 */
public interface ScheduledTask {
    String name();

    /** A Quartz cron expression, read in the scheduler's time zone. */
    String cron();

    CompletableFuture<String> run();
}
