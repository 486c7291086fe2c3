package se.planpuls.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.NewOwner;

/** Owners: create, list and read. */
final class OwnerController {
    private final OwnerService owners;
    private final ObjectMapper json;

    OwnerController(OwnerService owners, ObjectMapper json) {
        this.owners = owners;
        this.json = json;
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body(), Set.of("name", "email", "aadObjectId", "admin"));
        var owner = owners.create(new NewOwner(body.requiredString("name"), body.requiredString("email"),
                body.string("aadObjectId"), body.bool("admin", false)), AdminAuth.actor(ctx));
        ctx.status(201);
        ctx.header("Location", "/api/v1/owners/" + owner.id());
        ctx.json(Views.OwnerJson.of(owner));
    }

    void list(Context ctx) {
        ctx.json(owners.all().stream().map(Views.OwnerJson::of).toList());
    }

    void get(Context ctx) {
        ctx.json(Views.OwnerJson.of(owners.byId(Ids.path(ctx, "id"))));
    }
}
