package se.planpuls.scheduler;

public final class JobBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobBusyException(String name) {
        super("job " + name + " is already running");
    }
}
