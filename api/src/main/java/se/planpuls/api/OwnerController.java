package se.planpuls.api;

import se.planpuls.api.http.Params;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.AdminAuth;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.NewOwner;

/** Owners: create, list and read. */
final class OwnerController {
    private final OwnerService owners;

    OwnerController(OwnerService owners) {
        this.owners = owners;
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, NewOwnerBody.class);
        var owner = owners.create(new NewOwner(body.requiredString("name"), body.requiredString("email"),
                body.string("aadObjectId"), body.bool("admin", false)), AdminAuth.actor(ctx));
        ctx.status(201);
        ctx.header("Location", "/api/v1/owners/" + owner.id());
        ctx.json(Views.OwnerJson.of(owner));
    }

    /** The body of {@code POST /api/v1/owners}. */
    record NewOwnerBody(String name, String email, String aadObjectId, Boolean admin) {
    }

    void list(Context ctx) {
        ctx.json(owners.all().stream().map(Views.OwnerJson::of).toList());
    }

    void get(Context ctx) {
        ctx.json(Views.OwnerJson.of(owners.byId(Params.id(ctx, "id"))));
    }
}
