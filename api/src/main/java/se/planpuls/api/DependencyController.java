package se.planpuls.api;

import se.planpuls.api.http.Params;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.BadRequest;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.DependencyService;
import se.planpuls.db.MilestoneService;

/**
 * {@code POST /api/v1/milestones/{id}/dependencies} with {@code {"dependsOnId": n}} and
 * {@code DELETE /api/v1/milestones/{id}/dependencies/{dependsOnId}} (or {@code ?dependsOnId=n}).
 */
final class DependencyController {
    private final DependencyService dependencies;
    private final MilestoneService milestones;

    DependencyController(DependencyService dependencies, MilestoneService milestones) {
        this.dependencies = dependencies;
        this.milestones = milestones;
    }

    void add(Context ctx) {
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.parse(ctx, DependencyBody.class);
        Long dependsOn = body.positiveLong("dependsOnId");
        if (dependsOn == null) {
            throw new BadRequest("dependsOnId", "dependsOnId is required");
        }
        String source = body.string("source");
        if (source != null && source.length() > 200) {
            throw new BadRequest("source", "source must be at most 200 characters");
        }
        dependencies.add(id, dependsOn, source == null ? "admin API" : source);
        ctx.status(201).json(Views.MilestoneDetailJson.of(milestones.detail(id)));
    }

    /** The body of {@code POST /api/v1/milestones/{id}/dependencies}: the prerequisite, and where the edge comes from. */
    record DependencyBody(Long dependsOnId, String source) {
    }

    void remove(Context ctx) {
        long id = Params.id(ctx, "id");
        Long dependsOn = ctx.pathParamMap().containsKey("dependsOnId") ? Long.valueOf(Params.id(ctx, "dependsOnId"))
                : Params.optionalId(ctx, "dependsOnId");
        if (dependsOn == null) {
            throw new BadRequest("dependsOnId", "name the prerequisite: /dependencies/{dependsOnId} or ?dependsOnId=");
        }
        dependencies.remove(id, dependsOn);
        ctx.status(204);
    }
}
