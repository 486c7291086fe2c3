package se.planpuls.api.milestone;

import static se.planpuls.api.http.Route.WRITE;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.ItemShapeService;
import se.planpuls.db.MilestoneService;

/** An item's shape: sub-deliverable of a parent, ongoing, count-based frequency, report-to bodies, owning group. */
public final class ItemShapeRoutes extends RouteGroup {
    public ItemShapeRoutes(ItemShapeService shapes, MilestoneService milestones, IndicatorService indicators) {
        super(List.of(Route.put("/api/v1/milestones/{id}/shape",
                        new ItemShapeController(shapes, milestones, indicators)::put)
                .doc("items", "Set an item's shape as a whole: parentId (one level of sub-deliverables; a deeper "
                        + "one or a cycle is refused), ongoing, timesPerYear {min, max}, reportTo (a list) and "
                        + "ownerGroupId (in the owner's place); a field left out is cleared; If-Match guards")
                .body(ItemShapeController.ShapeBody.class).returning(MilestoneDetailJson.class).answers(WRITE)));
    }
}
