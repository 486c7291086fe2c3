package se.planpuls.api.http;

/** Input to the HTTP API that cannot be used; names the field (or "body"), and becomes a 400 problem. */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        // A member with an empty name ({"": 0}) is still the body's fault, and a refusal always names something.
        this.field = field == null || field.isBlank() ? "body" : field;
    }

    public String field() {
        return field;
    }
}
