package se.planpuls.scheduler;

import java.time.Instant;

/** A scheduled job as admins see it. */
public record JobInfo(String name, String cron, String zone, Instant nextRun) {
}
