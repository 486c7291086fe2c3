package se.planpuls.domain;

/**
 * Input that breaks a rule. {@code field} names what was wrong, {@code code} is a stable key
 * (used to look up the user-facing text), {@code detail} is an English explanation for logs and APIs.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String code;

    public InvalidInputException(String field, String code, String detail) {
        super(detail);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
