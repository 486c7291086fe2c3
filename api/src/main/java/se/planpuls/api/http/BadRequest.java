package se.planpuls.api.http;

/** Input to the HTTP API that cannot be used; names the field (or "body"), and becomes a 400 problem. */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
