package se.planpuls.api.http;

/** A request that cannot be served in the service's present state: a 409 problem with its own type. */
public final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String slug;
    private final String title;

    public Conflict(String slug, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }
}
