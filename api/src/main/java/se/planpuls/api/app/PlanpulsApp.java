package se.planpuls.api.app;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import se.planpuls.api.audit.AuditRoutes;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.AdminToken;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteTable;
import se.planpuls.api.jobs.JobRoutes;
import se.planpuls.api.leadership.LeadershipRoutes;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.api.milestone.MilestoneRoutes;
import se.planpuls.api.owner.OwnerRoutes;
import se.planpuls.api.plan.PlanRoutes;
import se.planpuls.api.reminder.ReminderRoutes;
import se.planpuls.bot.BotServices;
import se.planpuls.bot.TeamsBot;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.db.AuditService;
import se.planpuls.db.ChannelService;
import se.planpuls.db.ConversationService;
import se.planpuls.db.Database;
import se.planpuls.domain.rules.DependencyRiskRule;
import se.planpuls.db.DependencyService;
import se.planpuls.db.DigestService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.rules.MissingReportRule;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PendingAnswerService;
import se.planpuls.db.PlanExportService;
import se.planpuls.db.PlanImportService;
import se.planpuls.db.PlanLoader;
import se.planpuls.db.PlanService;
import se.planpuls.db.ReminderService;
import se.planpuls.db.ReportService;
import se.planpuls.scheduler.PlanpulsScheduler;
import se.planpuls.scheduler.ReminderDispatcher;
import se.planpuls.scheduler.ReminderTask;
import se.planpuls.scheduler.ScheduledTask;

/**
 * The composition root: builds every part through its constructor, gives the scheduler the features'
 * tasks and mounts the features' routes. {@link #create} returns an unstarted app so tests can start
 * it on a random port.
 */
public final class PlanpulsApp implements AutoCloseable {
    private final Config config;
    private final Database database;
    private final PlanpulsScheduler scheduler;
    private final Javalin javalin;
    private final AdminToken token;
    private final ReminderDispatcher dispatcher;
    private final RouteTable routes;

    private PlanpulsApp(Config config, Database database, PlanpulsScheduler scheduler, Javalin javalin,
                        AdminToken token, ReminderDispatcher dispatcher, RouteTable routes) {
        this.config = config;
        this.database = database;
        this.scheduler = scheduler;
        this.javalin = javalin;
        this.token = token;
        this.dispatcher = dispatcher;
        this.routes = routes;
    }

    public static PlanpulsApp create(Config config, Clock clock) {
        if (config.databaseUrl().startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the data directory " + config.dataDir(), e);
            }
        }
        Database database = Database.open(config.databaseUrl());
        ReminderDispatcher dispatcher = null;
        try {
            new PlanLoader(database, clock).loadDefaultIfMissing();
            var plans = new PlanService(database);
            var milestones = new MilestoneService(database, clock);
            var owners = new OwnerService(database, clock);
            var channels = new ChannelService(database, clock);
            var dependencies = new DependencyService(database, clock);
            var audit = new AuditService(database);
            TeamsBot bot = TeamsBot.create(config.bot(), new BotServices(owners, milestones,
                    new ReportService(database, clock), new ConversationService(database, clock), channels, plans,
                    new PendingAnswerService(database, clock)), clock);
            var reminders = new ReminderService(database, clock, WorkingCalendar.sweden());
            dispatcher = ReminderDispatcher.teams(reminders, bot, clock);
            var digests = new DigestService(database, clock, MissingReportRule.escalated(reminders::reportMissing),
                    new DependencyRiskRule(DependencyRiskRule.DEFAULT_HORIZON_DAYS));

            AdminToken token = AdminToken.resolve(config.adminToken(), config.dataDir());
            var auth = new AdminAuth(token, config.moreAdminTokens(), config.readOnlyTokens());
            // The links in a digest card need the port the server got, which is known only once it has started.
            var server = new AtomicReference<Javalin>();
            var map = new MapRoutes(plans, dependencies, token, auth, () -> config.baseUrl(server.get().port()), clock);
            var reminderRoutes = new ReminderRoutes(reminders, milestones, owners, bot);
            var leadership = new LeadershipRoutes(channels, digests, new AnnualReviewService(database, clock),
                    reminders, bot, map, clock);

            List<ScheduledTask> tasks = new ArrayList<>(reminderRoutes.tasks());
            tasks.addAll(leadership.tasks());
            tasks.addAll(ReminderTask.all(reminders, dispatcher));
            var scheduler = new PlanpulsScheduler(tasks, WorkingCalendar.ZONE, clock, database);

            var table = new RouteTable(auth, List.of(
                    new AppRoutes(database, bot),
                    new PlanRoutes(plans, new PlanImportService(database, clock), new PlanExportService(database),
                            audit),
                    new MilestoneRoutes(milestones, dependencies),
                    new OwnerRoutes(owners, reminders),
                    reminderRoutes,
                    leadership,
                    map,
                    new AuditRoutes(audit),
                    new JobRoutes(scheduler)));
            Javalin javalin = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                table.install(cfg);
            });
            server.set(javalin);
            return new PlanpulsApp(config, database, scheduler, javalin, token, dispatcher, table);
        } catch (RuntimeException e) {
            if (dispatcher != null) {
                dispatcher.close();
            }
            database.close();
            throw e;
        }
    }

    /** Every route the server registers and {@code /openapi.json} describes. */
    public List<Route> routes() {
        return routes.routes();
    }

    public PlanpulsApp start() {
        javalin.start("0.0.0.0", config.port());
        scheduler.start();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Where a generated admin token is kept, or null when it came from the environment. */
    public Path adminTokenFile() {
        return token.file();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        javalin.stop();
        scheduler.close();
        dispatcher.close();
        database.close();
    }
}
