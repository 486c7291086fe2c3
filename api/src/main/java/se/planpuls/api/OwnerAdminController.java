package se.planpuls.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.OwnerChange;

/**
 * Owners beyond creation: a paged, filtered list, read with an ETag, {@code PATCH} (name, e-mail,
 * admin flag, leave, substitute by e-mail) and {@code DELETE}, which erases personal data.
 */
final class OwnerAdminController {
    static final Set<String> FIELDS = Set.of("name", "email", "aadObjectId", "admin", "leaveUntil", "substituteEmail");

    private final OwnerService owners;
    private final OwnerService admin;
    private final ObjectMapper json;

    OwnerAdminController(OwnerService owners, OwnerService admin, ObjectMapper json) {
        this.owners = owners;
        this.admin = admin;
        this.json = json;
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
        long id = Ids.path(ctx, "id");
        var owner = owners.byId(id);
        ETags.set(ctx, admin.version(id));
        ctx.json(Views.OwnerJson.of(owner));
    }

    /** {@code leaveUntil: null} ends a leave, {@code substituteEmail: null} removes the substitute. */
    void patch(Context ctx) {
        long id = Ids.path(ctx, "id");
        JsonBody body = JsonBody.parse(json, ctx.body(), FIELDS);
        if (FIELDS.stream().noneMatch(body::has)) {
            throw new BadRequest("body", "send at least one of " + String.join(", ", FIELDS));
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
        long id = Ids.path(ctx, "id");
        admin.erase(id, ETags.expected(ctx, "owner", id), AdminAuth.actor(ctx));
        ctx.status(204);
    }
}
