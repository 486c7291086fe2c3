package se.planpuls.api.owner;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.Paging;
import se.planpuls.api.http.Params;
import se.planpuls.api.http.Route;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReachService;
import se.planpuls.db.ReminderService;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.Owner;
import se.planpuls.domain.OwnerChange;

/**
 * Owners: a paged, filtered list (by text, admin flag and whether the bot can reach them), create,
 * read with an ETag, {@code PATCH} (name, e-mail, admin flag, leave, substitute by e-mail) and
 * {@code DELETE}, which erases personal data.
 */
final class OwnerController {
    /** The body of {@code POST /api/v1/owners}. */
    record NewOwnerBody(String name, String email, String aadObjectId, Boolean admin) {
    }

    /** The body of {@code PATCH /api/v1/owners/{id}}: any of these; a field set to null is cleared. */
    record OwnerChangeBody(String name, String email, String aadObjectId, Boolean admin, LocalDate leaveUntil,
                           String substituteEmail) {
    }

    static final Route.Body CHANGE = Route.Body.of(OwnerChangeBody.class);
    private static final List<String> FLAGS = List.of("true", "false");

    private final OwnerService owners;
    private final ReminderService reminders;
    private final ReachService reach;

    OwnerController(OwnerService owners, ReminderService reminders, ReachService reach) {
        this.owners = owners;
        this.reminders = reminders;
        this.reach = reach;
    }

    /**
     * {@code q} in name or e-mail, {@code admin=true|false}, and {@code reachable=true|false}: owners
     * with or without a personal chat with the bot, so reminders can reach them; the unreachable
     * ones each with the reason.
     */
    void list(Context ctx) {
        String q = ctx.queryParamAsClass("q", String.class).allowNullable()
                .check(v -> v == null || v.length() <= 200, "q must be at most 200 characters").get();
        String isAdmin = ctx.queryParamAsClass("admin", String.class).allowNullable()
                .check(v -> v == null || v.isBlank() || FLAGS.contains(v), "admin must be true or false").get();
        String reachable = ctx.queryParamAsClass("reachable", String.class).allowNullable()
                .check(v -> v == null || FLAGS.contains(v.strip().toLowerCase(Locale.ROOT)),
                        "reachable must be true or false").get();
        Paging paging = Paging.of(ctx);
        List<Owner> found = owners.search(q, isAdmin == null || isAdmin.isBlank() ? null : Boolean.valueOf(isAdmin));
        if (reachable != null && !Boolean.parseBoolean(reachable.strip())) {
            Map<Long, String> why = reach.unreachableReasons();
            ctx.json(paging.apply(ctx, found.stream().filter(o -> why.containsKey(o.id())).toList()).stream()
                    .map(o -> OwnerJson.unreachable(o, why.get(o.id()))).toList());
            return;
        }
        if (reachable != null) {
            Set<Long> unreachable = reminders.unreachableOwners().stream().map(Owner::id).collect(Collectors.toSet());
            found = found.stream().filter(o -> !unreachable.contains(o.id())).toList();
        }
        ctx.json(paging.apply(ctx, found).stream().map(OwnerJson::of).toList());
    }

    void create(Context ctx) {
        NewOwnerBody body = ctx.bodyValidator(NewOwnerBody.class)
                .check("name", b -> JsonBody.present(b.name()), "name is required")
                .check("email", b -> JsonBody.present(b.email()), "email is required")
                .get();
        var owner = owners.create(new NewOwner(body.name(), body.email(), body.aadObjectId(),
                Boolean.TRUE.equals(body.admin())), AdminAuth.actor(ctx));
        ctx.status(201);
        ctx.header("Location", "/api/v1/owners/" + owner.id());
        ctx.json(OwnerJson.of(owner));
    }

    void get(Context ctx) {
        long id = Params.id(ctx, "id");
        var owner = owners.byId(id);
        ETags.set(ctx, owners.version(id));
        ctx.json(OwnerJson.of(owner));
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
        var updated = owners.update(id, change, ETags.expected(ctx, "owner", id, () -> owners.version(id)), AdminAuth.actor(ctx));
        ETags.set(ctx, owners.version(id));
        ctx.json(OwnerJson.of(updated));
    }

    void delete(Context ctx) {
        long id = Params.id(ctx, "id");
        owners.erase(id, ETags.expected(ctx, "owner", id, () -> owners.version(id)), AdminAuth.actor(ctx));
        ctx.status(204);
    }
}
