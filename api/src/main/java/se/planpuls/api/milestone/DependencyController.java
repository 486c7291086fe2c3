package se.planpuls.api.milestone;

import io.javalin.http.Context;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.Params;
import se.planpuls.db.DependencyService;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;

/**
 * {@code POST /api/v1/milestones/{id}/dependencies} with {@code {"dependsOnId": n}} and
 * {@code DELETE /api/v1/milestones/{id}/dependencies/{dependsOnId}} (or {@code ?dependsOnId=n}).
 */
final class DependencyController {
    /** The prerequisite, and where the edge comes from (a figure of the plan, say). */
    record DependencyBody(Long dependsOnId, String source, String basis) {
    }

    private final DependencyService dependencies;
    private final MilestoneService milestones;
    private final IndicatorService indicators;

    DependencyController(DependencyService dependencies, MilestoneService milestones, IndicatorService indicators) {
        this.dependencies = dependencies;
        this.milestones = milestones;
        this.indicators = indicators;
    }

    void add(Context ctx) {
        long id = Params.id(ctx, "id");
        DependencyBody body = ctx.bodyValidator(DependencyBody.class)
                .check("dependsOnId", b -> b.dependsOnId() != null, "dependsOnId is required")
                .check("dependsOnId", b -> b.dependsOnId() == null || b.dependsOnId() > 0,
                        "dependsOnId must be a positive integer id")
                .check("source", b -> b.source() == null || b.source().length() <= 200,
                        "source must be at most 200 characters")
                .check("basis", b -> b.basis() == null || b.basis().length() <= 2000,
                        "basis must be at most 2000 characters")
                .get();
        dependencies.add(id, body.dependsOnId(), body.source() == null ? "admin API" : body.source(), body.basis());
        // The item as GET answers it, with the new edge.
        var item = MilestoneDetailJson.read(milestones, indicators, id);
        ETags.set(ctx, item.milestone().version());
        ctx.status(201).json(item);
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
