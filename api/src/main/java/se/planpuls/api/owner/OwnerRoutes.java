package se.planpuls.api.owner;

import static se.planpuls.api.http.Route.WRITE;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReachService;
import se.planpuls.db.ReminderService;
import se.planpuls.scheduler.ScheduledTask;

/**
 * Owners of items: listed (also by whether the bot can reach them, and why not), created, changed and
 * erased; and the daily task that reaches them through the teams the app is installed in.
 */
public final class OwnerRoutes extends RouteGroup {
    private final List<ScheduledTask> tasks;

    public OwnerRoutes(OwnerService owners, ReminderService reminders, ReachService reach, TeamsBot bot) {
        super(routes(new OwnerController(owners, reminders, reach)));
        this.tasks = List.of(new ReachOwnersTask(bot));
    }

    /** The owners' scheduled work: {@code reach-owners}. */
    public List<ScheduledTask> tasks() {
        return tasks;
    }

    private static List<Route> routes(OwnerController owners) {
        return List.of(
                Route.get("/api/v1/owners", owners::list).doc("owners", "List owners; paged, total in X-Total-Count; "
                        + "reachable=false: the owners the bot cannot reach (no personal chat with it), each with the "
                        + "reason, true: those it can").query("q", "admin", "reachable", "limit", "offset").listing(OwnerJson.class),
                Route.post("/api/v1/owners", owners::create).doc("owners", "Create an owner")
                        .body(OwnerController.NewOwnerBody.class).returning(OwnerJson.class)
                        .answers(201, 400, 401, 403, 409, 413),
                Route.get("/api/v1/owners/{id}", owners::get).doc("owners", "Read an owner; its ETag is its version")
                        .returning(OwnerJson.class),
                Route.patch("/api/v1/owners/{id}", owners::patch).doc("owners", "Change an owner: name, e-mail, "
                        + "admin flag, leave (leaveUntil), substitute (substituteEmail)").body(OwnerController.CHANGE)
                        .returning(OwnerJson.class).answers(WRITE),
                Route.delete("/api/v1/owners/{id}", owners::delete).doc("owners", "Erase an owner's personal data; "
                        + "history stays, attributed to \"former owner\"").answers(204, 401, 403, 404, 412));
    }
}
