package se.planpuls.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.MilestoneFilter;

/** Milestones: search, read with history, and the admin's changes (owner, due date). */
final class MilestoneController {
    private final MilestoneService milestones;
    private final ObjectMapper json;

    MilestoneController(MilestoneService milestones, ObjectMapper json) {
        this.milestones = milestones;
        this.json = json;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 200) {
            throw new BadRequest("q", "q must be at most 200 characters");
        }
        var filter = new MilestoneFilter(q, ctx.queryParam("area"), Ids.query(ctx, "owner"), ctx.queryParam("status"));
        ctx.json(milestones.search(filter).stream().map(Views.MilestoneJson::of).toList());
    }

    void get(Context ctx) {
        ctx.json(Views.MilestoneDetailJson.of(milestones.detail(Ids.path(ctx, "id"))));
    }

    /** Body: {@code ownerId} (an owner's id, or null to clear) and/or {@code dueDate} (YYYY-MM-DD). */
    void patch(Context ctx) {
        long id = Ids.path(ctx, "id");
        JsonBody body = JsonBody.parse(json, ctx.body(), Set.of("ownerId", "dueDate"));
        if (!body.has("ownerId") && !body.has("dueDate")) {
            throw new BadRequest("body", "send ownerId and/or dueDate");
        }
        if (body.isNull("dueDate")) {
            throw new BadRequest("dueDate", "dueDate cannot be cleared; send a date as YYYY-MM-DD");
        }
        Long ownerId = body.positiveLong("ownerId");
        boolean clearOwner = body.isNull("ownerId");
        milestones.update(id, ownerId, clearOwner, body.date("dueDate"));
        ctx.json(Views.MilestoneDetailJson.of(milestones.detail(id)));
    }
}
