package se.planpuls.api.reminder;

import static se.planpuls.api.http.Route.WRITE;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.api.milestone.MilestoneJson;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReminderService;
import se.planpuls.scheduler.ScheduledTask;

/**
 * Reminders to owners: the schedule and the sent-log, each plan's reminder policy, the milestones
 * whose report is missing, and the weekly check-in that prompts every owner on demand.
 */
public final class ReminderRoutes extends RouteGroup {
    private final List<ScheduledTask> tasks;

    public ReminderRoutes(ReminderService reminders, MilestoneService milestones, OwnerService owners, TeamsBot bot) {
        super(routes(new ReminderController(reminders, milestones, owners)));
        this.tasks = List.of(new WeeklyCheckInTask(bot));
    }

    /** The scheduled tasks of this feature, for the scheduler. */
    public List<ScheduledTask> tasks() {
        return tasks;
    }

    private static List<Route> routes(ReminderController reminders) {
        return List.of(
                Route.get("/api/v1/reminders", reminders::list).doc("reminders", "Reminders: scheduled (the next 20 "
                        + "working days), sent, failed or noted").query("status", "owner").listing(ReminderJson.class),
                Route.get("/api/v1/reminders/report-missing", reminders::reportMissing).doc("reminders",
                        "Milestones marked \"report missing\" after escalation").listing(MilestoneJson.class),
                Route.get("/api/v1/plans/{id}/reminder-policy", reminders::policy).doc("reminders",
                        "A plan's reminder policy").returning(PolicyJson.class),
                Route.put("/api/v1/plans/{id}/reminder-policy", reminders::putPolicy).doc("reminders", "Replace a "
                        + "plan's reminder policy; a field left out takes its default").body(PolicyJson.class)
                        .returning(PolicyJson.class).answers(WRITE));
    }
}
