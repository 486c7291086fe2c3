package se.planpuls.api.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.planpuls.domain.VersionConflictException;

/**
 * ETags are an entity's version, {@code "<version>"}. A write with {@code If-Match} is applied only
 * when it names the current version, compared as RFC 9110 says: strongly, so a weak tag
 * ({@code W/"2"}) never matches; a list matches when any member does; {@code *} matches any. Without
 * the header the write goes ahead.
 */
public final class ETags {
    private static final Pattern MEMBER = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(?:,|$)");

    private ETags() {
    }

    public static void set(Context ctx, int version) {
        ctx.header("ETag", "\"" + version + "\"");
    }

    /**
     * The version the write must find, or null when {@code If-Match} is absent or {@code *}. When a
     * list names several versions, the one that is {@code current} now is taken (the service checks it
     * again inside its transaction); when none could match, the write is refused at once.
     */
    public static Integer expected(Context ctx, String entity, long id, IntSupplier current) {
        String raw = ctx.header("If-Match");
        if (raw == null || raw.isBlank() || raw.strip().equals("*")) {
            return null;
        }
        List<Integer> versions = new ArrayList<>();
        Matcher member = MEMBER.matcher(raw);
        int at = 0;
        while (at < raw.length() && member.find(at) && member.start() == at) {
            if (member.group(1) == null && member.group(2).matches("\\d{1,9}")) {
                versions.add(Integer.parseInt(member.group(2)));
            }
            at = member.end();
        }
        if (at < raw.length() || versions.isEmpty()) {
            // Malformed, or only weak or foreign tags: nothing can match strongly.
            throw new VersionConflictException(entity, id, -1);
        }
        if (versions.size() == 1) {
            return versions.get(0);
        }
        int now = current.getAsInt();
        return versions.contains(now) ? now : versions.get(0);
    }
}
