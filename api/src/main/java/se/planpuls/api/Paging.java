package se.planpuls.api;

import io.javalin.http.Context;
import java.util.List;

/**
 * {@code limit} (1-1000, default 100) and {@code offset} (default 0) on a list; the total goes in
 * {@code X-Total-Count} so a client can page without the body changing shape.
 */
record Paging(int limit, int offset) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static Paging of(Context ctx) {
        return new Paging(number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                number(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    }

    <T> List<T> apply(Context ctx, List<T> all) {
        ctx.header("X-Total-Count", String.valueOf(all.size()));
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (!raw.strip().matches("\\d{1,9}") || Integer.parseInt(raw.strip()) < min
                || Integer.parseInt(raw.strip()) > max) {
            throw new BadRequest(name, name + " must be a whole number from " + min + " to " + max);
        }
        return Integer.parseInt(raw.strip());
    }
}
