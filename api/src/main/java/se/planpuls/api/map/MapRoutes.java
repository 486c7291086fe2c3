package se.planpuls.api.map;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.AdminToken;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.db.DependencyService;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.PlanService;

/**
 * The strategic map of a plan, as an HTML page with SVG and as a PNG, opened by the admin token or
 * the plan's map key; and the keyed links to it that the digest card and admins share.
 */
public final class MapRoutes extends RouteGroup {
    private final MapLinks links;
    private final MapController controller;
    private final IndicatorChartController charts;

    /** {@code baseUrl}: where Teams and leaders' browsers reach this service, without a trailing slash. */
    public MapRoutes(PlanService plans, DependencyService dependencies, AdminToken token, AdminAuth auth,
                     Supplier<String> baseUrl, Clock clock, MilestoneService milestones, IndicatorService indicators) {
        this(new MapLinks(baseUrl, new MapKeys(token)), plans, dependencies, auth, clock, milestones, indicators);
    }

    private MapRoutes(MapLinks links, PlanService plans, DependencyService dependencies, AdminAuth auth, Clock clock,
                      MilestoneService milestones, IndicatorService indicators) {
        this(links, new MapController(plans, dependencies, links, auth, clock, indicators), milestones, indicators);
    }

    private MapRoutes(MapLinks links, MapController controller, MilestoneService milestones,
                      IndicatorService indicators) {
        this(links, controller, new IndicatorChartController(milestones, indicators, controller));
    }

    private MapRoutes(MapLinks links, MapController controller, IndicatorChartController charts) {
        super(routes(controller, charts));
        this.links = links;
        this.controller = controller;
        this.charts = charts;
    }

    /** An indicator's sparkline as a PNG, for a document that carries it (the annual review's PDF). */
    public byte[] sparkline(se.planpuls.domain.IndicatorProgress progress) {
        return charts.picture(progress);
    }

    /** The keyed link to an indicator's sparkline, which Teams fetches for the leaders' card without our token. */
    public String sparklineLink(long planId, long itemId) {
        return links.keyed(planId, sparklinePath(planId, itemId));
    }

    static String sparklinePath(long planId, long itemId) {
        return "/plans/" + planId + "/indicators/" + itemId + "/sparkline.png";
    }

    /** The map as a PNG, for a document that carries the picture (the annual review's PDF). */
    public byte[] picture(long planId) {
        return controller.picture(planId);
    }

    /**
     * The map as it stood on {@code asOf}: each milestone in the status given by its code (none given:
     * unreported), so a document about a past day does not show today's colours.
     */
    public byte[] picture(long planId, java.util.Map<String, se.planpuls.domain.Status> statuses,
                          java.time.LocalDate asOf) {
        return controller.picture(planId, statuses, asOf);
    }

    /**
     * Lets a request through with the plan's read-only key ({@code ?key=}) or an admin token, as the
     * map pages do: the same key opens what a leader is sent about the plan.
     */
    public long authorise(io.javalin.http.Context ctx, long planId) {
        return controller.authorised(ctx, planId);
    }

    /** An absolute link to {@code path} (with its query) carrying the plan's read-only key. */
    public String keyedLink(long planId, String path) {
        return links.keyed(planId, path);
    }

    /** The keyed link to a plan's map page, for a card that a leader opens without a token. */
    public String pageLink(long planId) {
        return links.page(planId);
    }

    /** The keyed link to a plan's map picture, which Teams fetches without our token. */
    public String pictureLink(long planId) {
        return links.png(planId);
    }

    /** The keyed link to the picture of a plan's status per area (stacked bars), which Teams fetches without our token. */
    public String statusPictureLink(long planId) {
        return links.statusPng(planId);
    }

    private static List<Route> routes(MapController map, IndicatorChartController charts) {
        return List.of(
                Route.get("/api/v1/plans/{id}/map-links", map::links).doc("leaders", "Links to the strategic map page "
                        + "and PNG").returning(MapController.LinksJson.class),
                Route.get("/plans/{id}/map", map::page).doc("leaders", "The strategic map as an HTML page with SVG")
                        .query("key").answers(200, 401, 404),
                Route.get("/plans/{id}/map.png", map::png).doc("leaders", "The strategic map as PNG").query("key")
                        .answers(200, 401, 404),
                Route.get("/plans/{id}/status.png", map::statusPng).doc("leaders", "The status per priority area as "
                        + "stacked bars (PNG), as the digest shows it").query("key").answers(200, 401, 404),
                Route.get("/plans/{id}/indicators/{itemId}/sparkline.png", charts::sparkline).doc("leaders",
                        "An indicator's values over time as a sparkline (PNG), with its target; opened with the plan's "
                                + "key like the map").query("key").answers(200, 400, 401, 404));
    }
}
