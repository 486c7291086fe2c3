package se.planpuls.api;

import se.planpuls.api.audit.AuditRoutes;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.AdminToken;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteTable;
import se.planpuls.api.jobs.JobRoutes;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.api.milestone.MilestoneRoutes;
import se.planpuls.api.owner.OwnerRoutes;
import se.planpuls.api.plan.PlanRoutes;
import se.planpuls.api.reminder.ReminderRoutes;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import se.planpuls.bot.BotServices;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.db.AuditService;
import se.planpuls.db.ChannelService;
import se.planpuls.db.ConversationService;
import se.planpuls.db.DependencyService;
import se.planpuls.db.DependencyRiskRule;
import se.planpuls.db.DigestService;
import se.planpuls.db.MissingReportRule;
import se.planpuls.db.ItemService;
import se.planpuls.db.OwnerAdminService;
import se.planpuls.db.PlanExportService;
import se.planpuls.db.PlanImportService;
import se.planpuls.db.Database;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PendingAnswerService;
import se.planpuls.db.PlanLoader;
import se.planpuls.db.PlanService;
import se.planpuls.db.ReportService;
import se.planpuls.scheduler.PlanpulsScheduler;
import se.planpuls.calendar.WorkingCalendar;
import se.planpuls.db.ReminderService;
import se.planpuls.scheduler.ReminderDispatcher;
import se.planpuls.scheduler.ReminderTask;
import se.planpuls.scheduler.ScheduledTask;
import java.util.ArrayList;


/**
 * The composition root: builds every part through its constructor and wires the routes. {@link
 * #create} returns an unstarted app so tests can start it on a random port.
 */
public final class PlanpulsApp implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final Config config;
    private final Database database;
    private final PlanpulsScheduler scheduler;
    private final Javalin javalin;
    private final AdminToken token;
    private final ReminderDispatcher dispatcher;
    private final RouteTable routes;

    private PlanpulsApp(Config config, Database database, PlanpulsScheduler scheduler, Javalin javalin,
                        AdminToken token, ReminderDispatcher dispatcher, RouteTable routes) {
        this.routes = routes;
        this.dispatcher = dispatcher;
        this.config = config;
        this.database = database;
        this.scheduler = scheduler;
        this.javalin = javalin;
        this.token = token;
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
            var reports = new ReportService(database, clock);
            var conversations = new ConversationService(database, clock);
            var channels = new ChannelService(database, clock);
            var dependencies = new DependencyService(database, clock);
            TeamsBot bot = TeamsBot.create(config.bot(), new BotServices(owners, milestones, reports, conversations,
                    channels, plans, new PendingAnswerService(database, clock)), clock);
            var reminders = new ReminderService(database, clock, WorkingCalendar.sweden());
            dispatcher = ReminderDispatcher.teams(reminders, new BotReminderSender(bot), clock);
            AdminToken token = AdminToken.resolve(config.adminToken(), config.dataDir());
            var javalinRef = new java.util.concurrent.atomic.AtomicReference<Javalin>();
            var auth = new AdminAuth(token, config.moreAdminTokens(), config.readOnlyTokens());
            var map = new MapRoutes(plans, dependencies, token, auth, () -> config.baseUrl(javalinRef.get().port()),
                    clock);
            var digests = new DigestService(database, clock, MissingReportRule.escalated(reminders::reportMissing),
                    new DependencyRiskRule(DependencyRiskRule.DEFAULT_HORIZON_DAYS));
            var digestTask = DigestTask.now(channels, digests, bot, map, clock);
            var reviewService = new AnnualReviewService(database, clock);
            var reviewPoster = new AnnualReviewPoster(channels, bot, map);
            var reminderRoutes = new ReminderRoutes(reminders, milestones, owners, bot);
            List<ScheduledTask> tasks = new ArrayList<>(reminderRoutes.tasks());
            tasks.addAll(List.of(digestTask,
                    DigestTask.onSchedule(channels, digests, bot, map, clock),
                    new AnnualReviewTask(reminders, reviewService, reviewPoster)));
            tasks.addAll(ReminderTask.all(reminders, dispatcher));
            var scheduler = new PlanpulsScheduler(tasks, ZONE, clock, database);
            var health = new HealthController(database);
            var botRoutes = new BotController(bot);
            var channelRoutes = new ChannelController(channels);
            var reviewRoutes = new AnnualReviewController(reviewService, reviewPoster);
            var audit = new AuditService(database);
            var table = new RouteTable(auth, List.of(new ApiRoutes(health, botRoutes, channelRoutes, reviewRoutes), map,
                    new PlanRoutes(plans, new PlanImportService(database, clock), new PlanExportService(database), audit),
                    new MilestoneRoutes(milestones, new ItemService(database, clock), dependencies),
                    new OwnerRoutes(owners, new OwnerAdminService(database, clock), reminders),
                    reminderRoutes, new AuditRoutes(audit), new JobRoutes(scheduler)));

            Javalin javalin = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                table.install(cfg);
            });
            javalinRef.set(javalin);
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
    public java.nio.file.Path adminTokenFile() {
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
