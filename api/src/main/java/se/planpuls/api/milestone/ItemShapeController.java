package se.planpuls.api.milestone;

import io.javalin.http.Context;
import java.util.List;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.Params;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.ItemShapeService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.TimesPerYear;

/**
 * {@code PUT /api/v1/milestones/{id}/shape}: an item's shape set as a whole, with {@code If-Match}
 * like the other writes. A field left out is cleared: no parent, not ongoing, no count, no
 * report-to body, no owning group.
 */
final class ItemShapeController {
    /** The shape as the API takes it; {@code timesPerYear} as {@code {"min": 1, "max": 2}}. */
    record ShapeBody(Long parentId, Boolean ongoing, TimesBody timesPerYear, List<String> reportTo,
                     Long ownerGroupId) {
    }

    record TimesBody(Integer min, Integer max) {
    }

    private final ItemShapeService shapes;
    private final MilestoneService milestones;
    private final IndicatorService indicators;

    ItemShapeController(ItemShapeService shapes, MilestoneService milestones, IndicatorService indicators) {
        this.shapes = shapes;
        this.milestones = milestones;
        this.indicators = indicators;
    }

    void put(Context ctx) {
        long id = Params.id(ctx, "id");
        ShapeBody body = ctx.bodyValidator(ShapeBody.class).get();
        TimesPerYear times = null;
        if (body.timesPerYear() != null) {
            if (body.timesPerYear().min() == null) {
                throw new BadRequest("timesPerYear", "timesPerYear needs min (and may have max)");
            }
            times = new TimesPerYear(body.timesPerYear().min(), body.timesPerYear().max());
        }
        if (body.reportTo() != null && body.reportTo().contains(null)) {
            throw new BadRequest("reportTo", "reportTo is a list of body names");
        }
        var shape = new ItemShape(body.parentId(), Boolean.TRUE.equals(body.ongoing()), times,
                body.reportTo() == null ? List.of() : body.reportTo(), body.ownerGroupId());
        Integer expected = ETags.expected(ctx, "milestone", id, () -> milestones.detail(id).view().milestone().version());
        var updated = shapes.setShape(id, shape, expected, AdminAuth.actor(ctx));
        ETags.set(ctx, updated.version());
        // The same item as GET answers: an indicator keeps its definition and values beside its new shape.
        ctx.json(MilestoneDetailJson.read(milestones, indicators, id));
    }
}
