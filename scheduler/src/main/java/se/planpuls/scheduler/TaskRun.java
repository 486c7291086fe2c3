package se.planpuls.scheduler;

import java.time.Instant;

/** The outcome of one run of a task. */
public record TaskRun(String task, Instant startedAt, Instant finishedAt, String summary) {
}
