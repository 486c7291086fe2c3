package se.planpuls.api;

/** Input to the HTTP API that cannot be used; names the field (or "body"). */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
