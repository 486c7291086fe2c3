package se.planpuls.api.map;

import io.javalin.http.Context;
import se.planpuls.api.http.Params;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.NotFoundException;

/**
 * {@code GET /plans/{id}/indicators/{itemId}/sparkline.png}: an indicator's sparkline, opened like the
 * map with the admin token or the plan's read-only key, since Teams fetches it for the leaders' card.
 */
final class IndicatorChartController {
    private final MilestoneService milestones;
    private final IndicatorService indicators;
    private final MapController map;

    IndicatorChartController(MilestoneService milestones, IndicatorService indicators, MapController map) {
        this.milestones = milestones;
        this.indicators = indicators;
        this.map = map;
    }

    void sparkline(Context ctx) {
        long planId = map.authorised(ctx, Params.id(ctx, "id"));
        long itemId = Params.id(ctx, "itemId");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/png");
        ctx.result(SparklinePng.render(progress(planId, itemId)));
    }

    /** The picture of one indicator of the plan, for a document that carries it (the review's PDF). */
    byte[] picture(IndicatorProgress progress) {
        return SparklinePng.render(progress);
    }

    private IndicatorProgress progress(long planId, long itemId) {
        var item = milestones.get(itemId);
        if (item.planId() != planId) {
            // The key opens one plan's pictures; another plan's indicator is as good as unknown.
            throw new NotFoundException("indicator", itemId);
        }
        return indicators.progress(item).orElseThrow(() -> new NotFoundException("indicator", itemId));
    }
}
