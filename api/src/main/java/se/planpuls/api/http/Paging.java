package se.planpuls.api.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * {@code limit} (1-1000, default 100) and {@code offset} (default 0) on a list; the total goes in
 * {@code X-Total-Count} so a client can page without the body changing shape.
 */
public record Paging(int limit, int offset) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    public static Paging of(Context ctx) {
        return new Paging(number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                number(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    }

    /** One page of {@code all}, with the total in {@code X-Total-Count}. */
    public <T> List<T> apply(Context ctx, List<T> all) {
        total(ctx, all.size());
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    /** For a list paged where it is stored: says its total. */
    public static void total(Context ctx, long total) {
        ctx.header("X-Total-Count", String.valueOf(total));
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String text = name + " must be a whole number from " + min + " to " + max;
        return ctx.queryParamAsClass(name, Integer.class).check(n -> n >= min && n <= max, text)
                .getOrThrow(Params.refusal(name, text));
    }
}
