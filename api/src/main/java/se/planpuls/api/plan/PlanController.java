package se.planpuls.api.plan;

import io.javalin.http.Context;
import se.planpuls.api.http.Params;
import se.planpuls.db.PlanService;

/** {@code GET /api/v1/plans} and {@code GET /api/v1/plans/{id}}. */
final class PlanController {
    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    void list(Context ctx) {
        ctx.json(plans.plans().stream().map(PlanJson::of).toList());
    }

    void get(Context ctx) {
        ctx.json(PlanDetailJson.of(plans.plan(Params.id(ctx, "id"))));
    }
}
