package se.planpuls.api;

import se.planpuls.api.http.Route;
import se.planpuls.api.http.Params;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.Paging;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.OwnerAdminService;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.OwnerChange;

/**
 * Owners beyond creation: a paged, filtered list, read with an ETag, {@code PATCH} (name, e-mail,
 * admin flag, leave, substitute by e-mail) and {@code DELETE}, which erases personal data.
 */
final class OwnerAdminController {
    /** The body of {@code PATCH /api/v1/owners/{id}}: any of these; a field set to null is cleared. */
    record OwnerChangeBody(String name, String email, String aadObjectId, Boolean admin, java.time.LocalDate leaveUntil,
                           String substituteEmail) {
    }

    static final Route.Body CHANGE = Route.Body.of(OwnerChangeBody.class);

    private final OwnerService owners;
    private final OwnerAdminService admin;

    OwnerAdminController(OwnerService owners, OwnerAdminService admin) {
        this.owners = owners;
        this.admin = admin;
    }

    void list(Context ctx) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 200) {
            throw new BadRequest("q", "q must be at most 200 characters");
        }
        String rawAdmin = ctx.queryParam("admin");
        Boolean isAdmin = null;
        if (rawAdmin != null && !rawAdmin.isBlank()) {
            if (!rawAdmin.equals("true") && !rawAdmin.equals("false")) {
                throw new BadRequest("admin", "admin must be true or false");
            }
            isAdmin = Boolean.valueOf(rawAdmin);
        }
        var page = Paging.of(ctx).apply(ctx, admin.search(q, isAdmin));
        ctx.json(page.stream().map(Views.OwnerJson::of).toList());
    }

    void get(Context ctx) {
        long id = Params.id(ctx, "id");
        var owner = owners.byId(id);
        ETags.set(ctx, admin.version(id));
        ctx.json(Views.OwnerJson.of(owner));
    }

    /** {@code leaveUntil: null} ends a leave, {@code substituteEmail: null} removes the substitute. */
    void patch(Context ctx) {
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.parse(ctx, CHANGE);
        if (CHANGE.fields().stream().noneMatch(body::has)) {
            throw new BadRequest("body", "send at least one of " + String.join(", ", CHANGE.fields()));
        }
        for (String field : new String[] {"name", "email", "admin"}) {
            if (body.isNull(field)) {
                throw new BadRequest(field, field + " cannot be cleared");
            }
        }
        var change = new OwnerChange(body.string("name"), body.string("email"),
                body.isNull("aadObjectId") ? "" : body.string("aadObjectId"),
                body.has("admin") ? body.bool("admin", false) : null, body.date("leaveUntil"),
                body.isNull("leaveUntil"), body.string("substituteEmail"), body.isNull("substituteEmail"));
        var updated = admin.update(id, change, ETags.expected(ctx, "owner", id), AdminAuth.actor(ctx));
        ETags.set(ctx, admin.version(id));
        ctx.json(Views.OwnerJson.of(updated));
    }

    void delete(Context ctx) {
        long id = Params.id(ctx, "id");
        admin.erase(id, ETags.expected(ctx, "owner", id), AdminAuth.actor(ctx));
        ctx.status(204);
    }
}
