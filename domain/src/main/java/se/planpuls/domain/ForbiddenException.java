package se.planpuls.domain;

/** The caller is known but may not do this; {@code code} keys the user-facing text. */
public final class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ForbiddenException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
