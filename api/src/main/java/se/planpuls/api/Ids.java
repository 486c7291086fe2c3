package se.planpuls.api;

import io.javalin.http.Context;

/** Reads numeric ids from paths and query strings, naming the parameter when one is not an id. */
final class Ids {
    private Ids() {
    }

    static long path(Context ctx, String name) {
        return parse(ctx.pathParam(name), name);
    }

    static Long query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : parse(value, name);
    }

    private static long parse(String value, String name) {
        if (value == null || !value.matches("\\d{1,18}") || Long.parseLong(value) == 0) {
            throw new BadRequest(name, name + " must be a positive integer id");
        }
        return Long.parseLong(value);
    }
}
