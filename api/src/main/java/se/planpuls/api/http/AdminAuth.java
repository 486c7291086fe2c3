package se.planpuls.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import se.planpuls.domain.Actor;

/**
 * Guards {@code /api/v1}: a Bearer token that matches one of the admin tokens (any request) or one
 * of the read-only tokens (GET and HEAD only, else 403); no token or a wrong one is 401. Every
 * configured token is compared, in constant time, on every request; tokens are never logged. The
 * caller is recorded as "admin-N" or "reader-N" by the token's position, with an optional
 * {@code X-Planpuls-Actor} header (such as an e-mail) to say who held it.
 */
public final class AdminAuth {
    static final String ACTOR_ATTRIBUTE = "planpuls.actor";
    static final String ACTOR_HEADER = "X-Planpuls-Actor";

    private final List<byte[]> admin;
    private final List<byte[]> readOnly;

    public AdminAuth(AdminToken token, List<String> moreAdmin, List<String> readOnly) {
        List<byte[]> admins = new ArrayList<>();
        admins.add(token.bytes());
        moreAdmin.forEach(t -> admins.add(t.getBytes(StandardCharsets.UTF_8)));
        this.admin = List.copyOf(admins);
        this.readOnly = readOnly.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public void check(Context ctx) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        int adminMatch = match(admin, given);
        int readerMatch = match(readOnly, given);
        if (presented == null || adminMatch < 0 && readerMatch < 0) {
            throw new ErrorMapper.Unauthorized();
        }
        String who = ctx.header(ACTOR_HEADER);
        String cleaned = who == null ? "" : who.replaceAll("\\p{Cntrl}", " ").strip();
        String suffix = cleaned.isEmpty() ? "" : " (" + cleaned.substring(0, Math.min(100, cleaned.length())) + ")";
        if (adminMatch >= 0) {
            ctx.attribute(ACTOR_ATTRIBUTE, Actor.api("admin-" + (adminMatch + 1) + suffix));
            return;
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            throw new ErrorMapper.ReadOnly();
        }
        ctx.attribute(ACTOR_ATTRIBUTE, Actor.api("reader-" + (readerMatch + 1) + suffix));
    }

    /** The position of the matching token or -1, comparing against every token so timing tells nothing. */
    private static int match(List<byte[]> tokens, byte[] given) {
        int found = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (MessageDigest.isEqual(tokens.get(i), given) && found < 0) {
                found = i;
            }
        }
        return found;
    }

    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR_ATTRIBUTE);
        return actor == null ? Actor.api("admin") : actor;
    }
}
