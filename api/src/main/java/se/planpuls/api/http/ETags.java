package se.planpuls.api.http;

import io.javalin.http.Context;
import se.planpuls.domain.VersionConflictException;

/**
 * ETags are an entity's version, {@code "<version>"}. A write with {@code If-Match} is applied only
 * when it names the current version ({@code *} matches any); without it the write goes ahead.
 */
public final class ETags {
    private ETags() {
    }

    public static void set(Context ctx, int version) {
        ctx.header("ETag", "\"" + version + "\"");
    }

    /** The version {@code If-Match} names, or null when it is absent or {@code *}. */
    public static Integer expected(Context ctx, String entity, long id) {
        String raw = ctx.header("If-Match");
        if (raw == null || raw.isBlank() || raw.strip().equals("*")) {
            return null;
        }
        String tag = raw.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.matches("\"\\d{1,9}\"")) {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        }
        throw new VersionConflictException(entity, id, -1);
    }
}
