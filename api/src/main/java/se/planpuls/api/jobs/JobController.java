package se.planpuls.api.jobs;

import io.javalin.http.Context;
import se.planpuls.scheduler.PlanpulsScheduler;

/** {@code GET /api/v1/jobs} and {@code POST /api/v1/jobs/{name}/run}. */
final class JobController {
    private final PlanpulsScheduler scheduler;

    JobController(PlanpulsScheduler scheduler) {
        this.scheduler = scheduler;
    }

    void list(Context ctx) {
        ctx.json(scheduler.jobs());
    }

    void run(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.future(() -> scheduler.runNow(name).thenAccept(ctx::json));
    }
}
