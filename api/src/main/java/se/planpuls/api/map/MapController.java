package se.planpuls.api.map;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.PageTexts;
import se.planpuls.api.http.Params;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.DependencyService;
import se.planpuls.db.IndicatorService;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.db.PlanService;

/**
 * {@code GET /plans/{id}/map} (HTML with inline SVG) and {@code GET /plans/{id}/map.png}. Read-only;
 * opened with the admin bearer token or the plan's map key ({@code ?key=}, see {@link MapKeys}).
 */
final class MapController {
    /** The shareable read-only links to a plan's map. */
    record LinksJson(String page, String png) {
    }

    private final PlanService plans;
    private final DependencyService dependencies;
    private final MapKeys keys;
    private final MapLinks links;
    private final AdminAuth auth;
    private final Clock clock;
    private final IndicatorService indicators;

    MapController(PlanService plans, DependencyService dependencies, MapLinks links, AdminAuth auth, Clock clock,
                  IndicatorService indicators) {
        this.indicators = indicators;
        this.plans = plans;
        this.dependencies = dependencies;
        this.keys = links.keys();
        this.links = links;
        this.auth = auth;
        this.clock = clock;
    }

    void page(Context ctx) {
        long id = authorised(ctx);
        String key = ctx.queryParam("key");
        String png = "/plans/" + id + "/map.png" + (key == null ? "" : "?key=" + keys.key(id));
        ctx.header("Cache-Control", "no-store");
        ctx.html(MapSvg.page(map(id), PageTexts.swedish(), png));
    }

    void png(Context ctx) {
        long id = authorised(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/png");
        ctx.result(picture(id));
    }

    byte[] picture(long planId) {
        return MapPng.render(map(planId), PageTexts.swedish());
    }

    /** The map coloured by the statuses given (by milestone code; missing: unreported), as they stood on {@code asOf}. */
    byte[] picture(long planId, java.util.Map<String, se.planpuls.domain.Status> statuses, LocalDate asOf) {
        var plan = plans.plan(planId);
        var texts = PageTexts.swedish();
        return MapPng.render(StrategicMap.of(plan, dependencies.edges(planId), texts.get("map.title",
                plan.plan().name()), texts.get("map.subtitle", asOf.toString()),
                view -> statuses.get(view.milestone().code()), shapes(planId, asOf, texts)), texts);
    }

    /**
     * The indicators' values for the map's notes: all of them, or those reported by the end of
     * {@code asOf} (Stockholm) for a map as of that day.
     */
    private StrategicMap.Shapes shapes(long planId, LocalDate asOf, PageTexts texts) {
        var progress = indicators == null ? java.util.Map.<Long, IndicatorProgress>of() : indicators.progressOfPlan(planId);
        if (asOf != null) {
            var before = asOf.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
            var then = new java.util.HashMap<Long, IndicatorProgress>();
            progress.forEach((id, p) -> then.put(id, new IndicatorProgress(p.indicator(), p.frequency(),
                    p.values().stream().filter(v -> v.reportedAt().isBefore(before)).toList())));
            progress = then;
        }
        return new StrategicMap.Shapes(progress, texts);
    }

    /** {@code GET /plans/{id}/status.png}: the status per area as stacked bars, the digest's picture. */
    void statusPng(Context ctx) {
        long id = authorised(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/png");
        ctx.result(StatusBarsPng.render(plans.plan(id), PageTexts.swedish()));
    }

    /** {@code GET /api/v1/plans/{id}/map-links} (admin): the shareable read-only links to the map. */
    void links(Context ctx) {
        long id = Params.id(ctx, "id");
        plans.plan(id);
        ctx.json(new LinksJson(links.page(id), links.png(id)));
    }

    private StrategicMap map(long planId) {
        var plan = plans.plan(planId);
        var texts = PageTexts.swedish();
        return StrategicMap.of(plan, dependencies.edges(planId), texts.get("map.title", plan.plan().name()),
                texts.get("map.subtitle", LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).toString()),
                view -> view.currentStatus().orElse(null), shapes(planId, null, texts));
    }

    private long authorised(Context ctx) {
        return authorised(ctx, Params.id(ctx, "id"));
    }

    long authorised(Context ctx, long id) {
        if (!keys.valid(id, ctx.queryParam("key"))) {
            auth.check(ctx);
        }
        return id;
    }
}
