package se.planpuls.api;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;

import static se.planpuls.api.http.Route.WRITE;

/** The routes of the features not yet in packages of their own. */
final class ApiRoutes extends RouteGroup {
    ApiRoutes(HealthController health, BotController bot, ChannelController channels, AnnualReviewController reviews) {
        super(List.of(
                Route.get("/health", health::health).doc("service", "Health of the service and its database")
                        .answers(200, 503),
                Route.post("/api/messages", bot::messages).doc("bot", "Bot Framework activities from Teams "
                        + "(authenticated by the Bot Framework, not by an admin token)")
                        .body(Route.Body.described("a Bot Framework activity")).answers(200, 400, 401),
                Route.get("/api/v1/channels", channels::list).doc("leaders", "Leadership channels subscribed to a "
                        + "plan's digest"),
                Route.post("/api/v1/channels", channels::create).doc("leaders", "Subscribe a Teams channel to a plan's "
                        + "digest (team id, channel id, plan, schedule)").body(ChannelController.ChannelBody.class)
                        .answers(201, 200, 400, 401, 403, 404, 409),
                Route.get("/api/v1/channels/{id}", channels::get).doc("leaders", "One channel subscription"),
                Route.delete("/api/v1/channels/{id}", channels::delete).doc("leaders", "Remove a channel subscription")
                        .answers(204, 401, 403, 404),
                Route.get("/api/v1/plans/{id}/annual-review", reviews::get).doc("leaders", "The annual review (årlig "
                        + "uppföljning) of a year: JSON, or HTML/CSV by Accept").query("year"),
                Route.post("/api/v1/plans/{id}/annual-review", reviews::take).doc("leaders", "Take (snapshot) the "
                        + "annual review of a year").query("year").answers(WRITE)));
    }
}
