package se.planpuls.api;

import se.planpuls.api.http.Route;
import se.planpuls.api.http.Params;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.ETags;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.ItemService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;

/**
 * Items (milestones, assignments, recurring commitments): create, update (a moved due date keeps
 * its {@code reason} in the history), reassign and soft delete, with {@code ETag}/{@code If-Match}.
 */
final class ItemController {
    /** An item's fields as the API takes them: all of them to create one, any but {@code planId} to change one. */
    record ItemBody(Long planId, String areaCode, String code, String kind, String title, String description,
                    String reachedWhen, Integer dueYear, java.time.LocalDate dueDate, Boolean dateUncertain,
                    String reportTo, String frequency, java.time.LocalDate startsOn, Long ownerId, String reason) {
    }

    static final Route.Body NEW = Route.Body.of(ItemBody.class);
    static final Route.Body CHANGE = NEW.without("planId");

    private final ItemService items;
    private final MilestoneService milestones;

    ItemController(ItemService items, MilestoneService milestones) {
        this.items = items;
        this.milestones = milestones;
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, NEW);
        Long planId = body.positiveLong("planId");
        if (planId == null) {
            throw new BadRequest("planId", "planId is required");
        }
        body.requiredString("code");
        body.requiredString("title");
        body.requiredString("areaCode");
        var created = items.create(planId, input(body), AdminAuth.actor(ctx));
        ctx.status(201);
        ctx.header("Location", "/api/v1/milestones/" + created.id());
        ETags.set(ctx, created.version());
        ctx.json(Views.MilestoneDetailJson.of(milestones.detail(created.id())));
    }

    /** Any of the item's fields; {@code ownerId: null} clears the owner, {@code reason} says why. */
    void patch(Context ctx) {
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.parse(ctx, CHANGE);
        if (CHANGE.fields().stream().noneMatch(body::has)) {
            throw new BadRequest("body", "send at least one of " + String.join(", ", CHANGE.fields()));
        }
        for (String field : new String[] {"dueDate", "dueYear", "title", "kind", "code", "areaCode"}) {
            if (body.isNull(field)) {
                throw new BadRequest(field, field + " cannot be cleared");
            }
        }
        Integer expected = ETags.expected(ctx, "milestone", id);
        var updated = items.update(id, input(body), expected, AdminAuth.actor(ctx));
        ETags.set(ctx, updated.version());
        ctx.json(Views.MilestoneDetailJson.of(milestones.detail(id)));
    }

    void delete(Context ctx) {
        long id = Params.id(ctx, "id");
        String reason = ctx.queryParam("reason");
        if (reason != null && reason.length() > 2000) {
            throw new BadRequest("reason", "reason is at most 2000 characters");
        }
        items.delete(id, ETags.expected(ctx, "milestone", id), reason, AdminAuth.actor(ctx));
        ctx.status(204);
    }

    private static ItemInput input(JsonBody body) {
        ItemKind kind = null;
        String rawKind = body.string("kind");
        if (rawKind != null) {
            kind = ItemKind.parse(rawKind).orElseThrow(() ->
                    new BadRequest("kind", "kind must be milestone, assignment or recurring"));
        }
        Frequency frequency = null;
        String rawFrequency = body.string("frequency");
        if (rawFrequency != null) {
            frequency = Frequency.parse(rawFrequency).orElseThrow(() ->
                    new BadRequest("frequency", "frequency must be monthly, quarterly, half_yearly or yearly"));
        }
        Integer dueYear = body.integer("dueYear");
        String reason = body.string("reason");
        if (reason != null && reason.length() > 2000) {
            throw new BadRequest("reason", "reason is at most 2000 characters");
        }
        return new ItemInput(body.string("areaCode"), body.string("code"), kind, body.string("title"),
                body.string("description"), body.string("reachedWhen"), dueYear, body.date("dueDate"),
                body.has("dateUncertain") ? body.bool("dateUncertain", false) : null, body.string("reportTo"),
                frequency, body.date("startsOn"), body.positiveLong("ownerId"), body.isNull("ownerId"), reason);
    }
}
