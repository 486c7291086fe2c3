package se.planpuls.scheduler;

/** A job asked to run while the service shuts down. */
public final class SchedulerStoppingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchedulerStoppingException(String job) {
        super("the service is shutting down; job " + job + " was not started");
    }
}
