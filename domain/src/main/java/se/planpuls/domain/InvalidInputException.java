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
        // A member with an empty name ({"": 0}) is still the body's fault, and a refusal always names something.
        this.field = field == null || field.isBlank() ? "body" : field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
