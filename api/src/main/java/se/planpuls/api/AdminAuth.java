package se.planpuls.api;

import io.javalin.http.Context;

/** Guards {@code /api/v1}: a Bearer token that matches the admin token, or 401. */
final class AdminAuth {
    private final AdminToken token;

    AdminAuth(AdminToken token) {
        this.token = token;
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        if (!token.matches(presented)) {
            throw new ErrorMapper.Unauthorized();
        }
    }
}
