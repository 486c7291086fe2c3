package se.planpuls.api.milestone;

import static se.planpuls.api.http.Route.WRITE;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.db.DependencyService;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;

/** Items of a plan (milestones, assignments, recurring commitments) and the dependency edges between them. */
public final class MilestoneRoutes extends RouteGroup {
    public MilestoneRoutes(MilestoneService milestones, DependencyService dependencies, IndicatorService indicators) {
        super(routes(new ItemController(milestones, indicators), new DependencyController(dependencies, milestones, indicators)));
    }

    private static List<Route> routes(ItemController items, DependencyController dependencies) {
        return List.of(
                Route.get("/api/v1/milestones", items::search).doc("items", "Search items (milestones, assignments, "
                        + "recurring commitments, indicators with their values); paged, total in X-Total-Count")
                        .query("q", "area", "owner", "status", "kind", "plan", "limit", "offset")
                        .listing(MilestoneJson.class),
                Route.post("/api/v1/milestones", items::create).doc("items", "Create an item").body(ItemController.NEW)
                        .returning(MilestoneDetailJson.class).answers(201, 400, 401, 403, 404, 409, 413),
                Route.get("/api/v1/milestones/{id}", items::get).doc("items", "Read an item with effects, "
                        + "dependencies and history (an indicator with its definition and values); its ETag is its version").returning(MilestoneDetailJson.class),
                Route.patch("/api/v1/milestones/{id}", items::patch).doc("items", "Change an item: fields, due date "
                        + "(with a reason), owner; If-Match guards against stale writes").body(ItemController.CHANGE)
                        .returning(MilestoneDetailJson.class).answers(WRITE),
                Route.delete("/api/v1/milestones/{id}", items::delete).doc("items", "Soft-delete an item; its history "
                        + "stays").query("reason").answers(204, 401, 403, 404, 412),
                Route.post("/api/v1/milestones/{id}/dependencies", dependencies::add).doc("items", "Add a dependency "
                        + "edge (dependsOn); an edge that would make a cycle is refused")
                        .body(DependencyController.DependencyBody.class).returning(MilestoneDetailJson.class)
                        .answers(201, 200, 400, 401, 403, 404, 409),
                Route.delete("/api/v1/milestones/{id}/dependencies", dependencies::remove).doc("items", "Remove a "
                        + "dependency edge named by ?dependsOnId=").query("dependsOnId")
                        .answers(204, 400, 401, 403, 404),
                Route.delete("/api/v1/milestones/{id}/dependencies/{dependsOnId}", dependencies::remove).doc("items",
                        "Remove a dependency edge").answers(204, 400, 401, 403, 404));
    }
}
