package se.planpuls.scheduler;

public final class UnknownJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownJobException(String name) {
        super("no job is named " + name);
    }
}
