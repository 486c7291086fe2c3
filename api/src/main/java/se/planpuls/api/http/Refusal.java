package se.planpuls.api.http;

/**
 * A refusal with a status of its own, for a handler that learns the outcome from elsewhere (the
 * bot's answer to a turn): becomes a problem+json with that status, naming the field when there is one.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    public Refusal(int status, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
