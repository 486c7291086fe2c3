package se.planpuls.api.metrics;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;

/** {@code GET /metrics}: the Prometheus scrape, behind the admin or a read-only token like the admin API. */
public final class MetricsRoutes extends RouteGroup {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    public MetricsRoutes(Metrics metrics) {
        super(List.of(Route.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(metrics.scrape()))
                .doc("service", "Metrics in the Prometheus text format (bot turns, reminders, jobs, digests, "
                        + "the database pool, the JVM); an admin or read-only token").answers(200, 401)));
    }
}
