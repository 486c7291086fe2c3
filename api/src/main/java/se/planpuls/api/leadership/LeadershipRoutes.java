package se.planpuls.api.leadership;

import static se.planpuls.api.http.Route.WRITE;

import java.time.Clock;
import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.db.ChannelService;
import se.planpuls.db.DigestService;
import se.planpuls.db.ReminderService;
import se.planpuls.db.RevisionService;
import se.planpuls.scheduler.ScheduledTask;

/**
 * What leaders read: the channels subscribed to a plan's weekly digest, the annual review, and the
 * scheduled tasks that post both to those channels.
 */
public final class LeadershipRoutes extends RouteGroup {
    private final List<ScheduledTask> tasks;

    public LeadershipRoutes(ChannelService channels, DigestService digests, AnnualReviewService reviews,
                            RevisionService revisions, ReminderService reminders, TeamsBot bot, MapRoutes map,
                            Clock clock) {
        this(channels, digests, reviews, revisions, reminders, bot, map, new AnnualReviewPoster(channels, bot, map),
                clock);
    }

    private LeadershipRoutes(ChannelService channels, DigestService digests, AnnualReviewService reviews,
                             RevisionService revisions, ReminderService reminders, TeamsBot bot, MapRoutes map,
                             AnnualReviewPoster poster, Clock clock) {
        super(routes(new ChannelController(channels), new AnnualReviewController(reviews, poster, map, clock),
                new RevisionController(revisions)));
        this.tasks = List.of(DigestTask.now(channels, digests, bot, map, clock),
                DigestTask.onSchedule(channels, digests, bot, map, clock),
                new AnnualReviewTask(reminders, reviews, poster));
    }

    /** The scheduled tasks of this feature, for the scheduler: the digest now and on schedule, the annual review. */
    public List<ScheduledTask> tasks() {
        return tasks;
    }

    private static List<Route> routes(ChannelController channels, AnnualReviewController reviews,
                                      RevisionController revisions) {
        return List.of(
                Route.get("/api/v1/channels", channels::list).doc("leaders", "Leadership channels subscribed to a "
                        + "plan's digest"),
                Route.post("/api/v1/channels", channels::create).doc("leaders", "Subscribe a Teams channel to a plan's "
                        + "digest (team id, channel id, plan, schedule)").body(ChannelController.ChannelBody.class)
                        .answers(201, 200, 400, 401, 403, 404, 409),
                Route.get("/api/v1/channels/{id}", channels::get).doc("leaders", "One channel subscription"),
                Route.delete("/api/v1/channels/{id}", channels::delete).doc("leaders", "Remove a channel subscription")
                        .answers(204, 401, 403, 404),
                Route.get("/api/v1/plans/{id}/annual-review", reviews::get).doc("leaders", "The annual review (årlig "
                        + "uppföljning) of a year as of its review date (or asOf): JSON, or HTML, CSV, PDF or XLSX by Accept "
                        + "or format; with an indicator table per area (CSV: table=indicators)")
                        .query("year", "asOf", "layout", "format", "table"),
                Route.post("/api/v1/plans/{id}/annual-review", reviews::take).doc("leaders", "Take (snapshot) the "
                        + "annual review of a year").query("year").answers(WRITE),
                Route.get("/api/v1/plans/{id}/annual-review/{year}/notes", reviews::notes).doc("leaders", "The "
                        + "region's summary and assessment per area for a year's review (ETag)"),
                Route.put("/api/v1/plans/{id}/annual-review/{year}/notes", reviews::saveNotes).doc("leaders",
                        "Write the summary and the assessment per area (areas by code) of a year's review; "
                                + "If-Match").body(AnnualReviewController.NotesBody.class).answers(WRITE),
                Route.get("/api/v1/plans/{id}/revisions", revisions::list).doc("leaders", "The revisions of a plan "
                        + "that a board adopted (ETag)"),
                Route.put("/api/v1/plans/{id}/revisions", revisions::replace).doc("leaders", "Replace the list of "
                        + "adopted revisions (adoptedOn, board, note); If-Match").body(RevisionController.RevisionsBody.class)
                        .answers(WRITE),
                Route.get("/plans/{id}/annual-review.pdf", reviews::keyedPdf).doc("leaders", "The annual review as "
                        + "PDF, opened with the plan's read-only key").query("year", "asOf", "layout", "key")
                        .answers(200, 400, 401, 404));
    }
}
