package se.planpuls.api;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;

    DependencyController(DependencyService dependencies, MilestoneService milestones, ObjectMapper json) {
        this.dependencies = dependencies;
        this.milestones = milestones;
        this.json = json;
    }

    void add(Context ctx) {
        long id = Ids.path(ctx, "id");
        JsonBody body = JsonBody.parse(json, ctx.body(), Set.of("dependsOnId", "source"));
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

    void remove(Context ctx) {
        long id = Ids.path(ctx, "id");
        Long dependsOn = ctx.pathParamMap().containsKey("dependsOnId") ? Long.valueOf(Ids.path(ctx, "dependsOnId"))
                : Ids.query(ctx, "dependsOnId");
        if (dependsOn == null) {
            throw new BadRequest("dependsOnId", "name the prerequisite: /dependencies/{dependsOnId} or ?dependsOnId=");
        }
        dependencies.remove(id, dependsOn);
        ctx.status(204);
    }
}
