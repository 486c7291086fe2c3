package se.planpuls.api.jobs;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.scheduler.PlanpulsScheduler;

/** The scheduled jobs: listed, and run on demand. */
public final class JobRoutes extends RouteGroup {
    public JobRoutes(PlanpulsScheduler scheduler) {
        super(routes(new JobController(scheduler)));
    }

    private static List<Route> routes(JobController jobs) {
        return List.of(
                Route.get("/api/v1/jobs", jobs::list).doc("jobs", "List scheduled jobs"),
                Route.post("/api/v1/jobs/{name}/run", jobs::run).doc("jobs", "Run a job now")
                        .answers(200, 401, 403, 404, 409));
    }
}
