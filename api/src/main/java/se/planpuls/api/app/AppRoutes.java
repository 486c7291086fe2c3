package se.planpuls.api.app;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;

/** The service itself: its health and readiness, and the endpoint Teams sends the bot's activities to. */
final class AppRoutes extends RouteGroup {
    AppRoutes(HealthController health, BotController bot) {
        super(routes(health, bot));
    }

    private static List<Route> routes(HealthController health, BotController bot) {
        return List.of(
                Route.get("/health", health::health).doc("service", "Health of the service and its database")
                        .answers(200, 503),
                Route.get("/health/ready", health::ready).doc("service", "Readiness for a load balancer: the "
                        + "database answers, its migrations are applied, the schedule runs, and no shutdown has "
                        + "begun").answers(200, 503),
                Route.post("/api/messages", bot::messages).doc("bot", "Bot Framework activities from Teams "
                        + "(authenticated by the Bot Framework, not by an admin token)")
                        .body(Route.Body.described("a Bot Framework activity")).answers(200, 202, 400, 401, 503));
    }
}
