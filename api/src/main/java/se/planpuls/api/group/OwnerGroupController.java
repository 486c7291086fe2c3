package se.planpuls.api.group;

import io.javalin.http.Context;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.Params;
import se.planpuls.api.http.Route;
import se.planpuls.db.OwnerGroupService;

/**
 * Groups that own items in a person's place: list, create, read with an ETag, rename, delete (only
 * a group that owns nothing), and add or remove members. Every write takes {@code If-Match} like
 * the other writes and is audited by the service.
 */
final class OwnerGroupController {
    /** The body of {@code POST /api/v1/groups} and {@code PATCH /api/v1/groups/{id}}. */
    record GroupBody(String name) {
    }

    /** The body of {@code POST /api/v1/groups/{id}/members}: the person by one of these. */
    record MemberBody(Long ownerId, String aadObjectId, String email, String name) {
    }

    static final Route.Body GROUP = Route.Body.of(GroupBody.class);
    static final Route.Body MEMBER = Route.Body.of(MemberBody.class);

    private final OwnerGroupService groups;

    OwnerGroupController(OwnerGroupService groups) {
        this.groups = groups;
    }

    void list(Context ctx) {
        ctx.json(groups.all().stream().map(OwnerGroupJson::of).toList());
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, GROUP);
        String name = body.string("name");
        if (!JsonBody.present(name)) {
            throw new BadRequest("name", "name is required");
        }
        var group = groups.create(name, AdminAuth.actor(ctx));
        ctx.status(201);
        ctx.header("Location", "/api/v1/groups/" + group.id());
        ETags.set(ctx, group.version());
        ctx.json(OwnerGroupJson.of(group));
    }

    void get(Context ctx) {
        var group = groups.byId(Params.id(ctx, "id"));
        ETags.set(ctx, group.version());
        ctx.json(OwnerGroupJson.of(group));
    }

    void patch(Context ctx) {
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.parse(ctx, GROUP);
        if (!body.has("name") || !JsonBody.present(body.string("name"))) {
            throw new BadRequest("name", "name is required");
        }
        var group = groups.rename(id, body.string("name"), expected(ctx, id), AdminAuth.actor(ctx));
        ETags.set(ctx, group.version());
        ctx.json(OwnerGroupJson.of(group));
    }

    void delete(Context ctx) {
        long id = Params.id(ctx, "id");
        groups.delete(id, expected(ctx, id), AdminAuth.actor(ctx));
        ctx.status(204);
    }

    void addMember(Context ctx) {
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.parse(ctx, MEMBER);
        var member = new OwnerGroupService.NewMember(body.positiveLong("ownerId"), body.string("aadObjectId"),
                body.string("email"), body.string("name"));
        var group = groups.addMember(id, member, expected(ctx, id), AdminAuth.actor(ctx));
        ctx.status(201);
        ETags.set(ctx, group.version());
        ctx.json(OwnerGroupJson.of(group));
    }

    void removeMember(Context ctx) {
        long id = Params.id(ctx, "id");
        long ownerId = Params.id(ctx, "ownerId");
        var group = groups.removeMember(id, ownerId, expected(ctx, id), AdminAuth.actor(ctx));
        ETags.set(ctx, group.version());
        ctx.json(OwnerGroupJson.of(group));
    }

    private Integer expected(Context ctx, long id) {
        return ETags.expected(ctx, "group", id, () -> groups.byId(id).version());
    }
}
