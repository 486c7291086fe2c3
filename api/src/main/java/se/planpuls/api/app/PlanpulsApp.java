package se.planpuls.api.app;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.api.audit.AuditRoutes;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.AdminToken;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteTable;
import se.planpuls.api.jobs.JobRoutes;
import se.planpuls.api.leadership.LeadershipRoutes;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.api.metrics.Metrics;
import se.planpuls.api.metrics.MetricsRoutes;
import se.planpuls.api.milestone.MilestoneRoutes;
import se.planpuls.api.owner.OwnerRoutes;
import se.planpuls.api.group.OwnerGroupRoutes;
import se.planpuls.api.milestone.ItemShapeRoutes;
import se.planpuls.db.ItemShapeService;
import se.planpuls.db.OwnerGroupService;
import se.planpuls.api.plan.PlanRoutes;
import se.planpuls.api.reminder.ReminderRoutes;
import se.planpuls.api.teamsapp.TeamsAppRoutes;
import se.planpuls.bot.BotServices;
import se.planpuls.bot.TeamsBot;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.db.AuditService;
import se.planpuls.db.ChannelService;
import se.planpuls.db.RevisionService;
import se.planpuls.db.ConversationService;
import se.planpuls.db.Database;
import se.planpuls.domain.rules.DependencyRiskRule;
import se.planpuls.db.DependencyService;
import se.planpuls.db.DigestService;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.rules.MissingReportRule;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PendingAnswerService;
import se.planpuls.db.PlanExportService;
import se.planpuls.db.PlanImportService;
import se.planpuls.db.PlanLoader;
import se.planpuls.db.PlanService;
import se.planpuls.db.ReachService;
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
    /** How long a shutdown waits for turns, sends and job runs under way. */
    public static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(PlanpulsApp.class);

    private final Config config;
    private final Database database;
    private final PlanpulsScheduler scheduler;
    private final Javalin javalin;
    private final AdminToken token;
    private final ReminderDispatcher dispatcher;
    private final RouteTable routes;
    private final TeamsBot bot;
    private final BotController botEndpoint;
    private final Metrics metrics;
    private final AtomicBoolean draining;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PlanpulsApp(Config config, Database database, PlanpulsScheduler scheduler, Javalin javalin,
                        AdminToken token, ReminderDispatcher dispatcher, RouteTable routes, TeamsBot bot,
                        BotController botEndpoint, Metrics metrics, AtomicBoolean draining) {
        this.config = config;
        this.database = database;
        this.scheduler = scheduler;
        this.javalin = javalin;
        this.token = token;
        this.dispatcher = dispatcher;
        this.routes = routes;
        this.bot = bot;
        this.botEndpoint = botEndpoint;
        this.metrics = metrics;
        this.draining = draining;
    }

    public static PlanpulsApp create(Config config, Clock clock) {
        if (config.databaseUrl().startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the data directory " + config.dataDir(), e);
            }
        }
        // The database opens (and a first start loads the default plan) while the rest is put together
        // beside it: nothing else needs a connection before the server opens, and on two cores the
        // two halves of a start take little more than the longer one.
        Database database = Database.opening(config.databaseUrl());
        // Reading the holiday rules is a tenth of a start and needs nothing else either.
        CompletableFuture<WorkingCalendar> calendar = CompletableFuture.supplyAsync(WorkingCalendar::sweden);
        Metrics metrics = Metrics.prometheus();
        database.publishMetrics(metrics.registry());
        ReminderDispatcher dispatcher = null;
        try {
            CompletableFuture<?> defaultPlan = CompletableFuture.runAsync(
                    () -> new PlanLoader(database, clock).loadDefaultIfMissing());
            var plans = new PlanService(database);
            var milestones = new MilestoneService(database, clock);
            var indicators = new IndicatorService(database, clock);
            var owners = new OwnerService(database, clock);
            var channels = new ChannelService(database, clock);
            var dependencies = new DependencyService(database, clock);
            var audit = new AuditService(database);
            var reach = new ReachService(database, clock);
            TeamsBot bot = TeamsBot.create(config.bot(), new BotServices(owners, milestones,
                    new ReportService(database, clock), new ConversationService(database, clock), channels, plans,
                    new PendingAnswerService(database, clock), reach, indicators), clock, metrics.registry());
            var reminders = new ReminderService(database, clock, calendar.join());
            dispatcher = ReminderDispatcher.teams(reminders, bot, clock, metrics.registry());
            var digests = new DigestService(database, clock, MissingReportRule.escalated(reminders::reportMissing),
                    new DependencyRiskRule(DependencyRiskRule.DEFAULT_HORIZON_DAYS));

            AdminToken token = AdminToken.resolve(config.adminToken(), config.dataDir());
            var auth = new AdminAuth(token, config.moreAdminTokens(), config.readOnlyTokens());
            // The links in a digest card need the port the server got, which is known only once it has started.
            var server = new AtomicReference<Javalin>();
            var map = new MapRoutes(plans, dependencies, token, auth, () -> config.baseUrl(server.get().port()), clock,
                    milestones, indicators);
            var reminderRoutes = new ReminderRoutes(reminders, milestones, owners, bot);
            var leadership = new LeadershipRoutes(channels, digests,
                    new AnnualReviewService(database, clock, reminders.calendar()), new RevisionService(database, clock),
                    reminders, bot, map, clock);

            var ownerRoutes = new OwnerRoutes(owners, reminders, reach, bot);
            List<ScheduledTask> tasks = new ArrayList<>(reminderRoutes.tasks());
            tasks.addAll(leadership.tasks());
            tasks.addAll(ownerRoutes.tasks());
            tasks.addAll(ReminderTask.all(reminders, dispatcher));
            var scheduler = new PlanpulsScheduler(tasks, WorkingCalendar.ZONE, clock, database, metrics.registry());

            var draining = new AtomicBoolean();
            var botEndpoint = new BotController(bot, metrics.registry(), draining);
            var table = new RouteTable(auth, List.of(
                    new AppRoutes(new HealthController(database, scheduler, draining), botEndpoint),
                    new PlanRoutes(plans, new PlanImportService(database, clock), new PlanExportService(database),
                            audit),
                    new MilestoneRoutes(milestones, dependencies, indicators),
                    ownerRoutes,
                    new OwnerGroupRoutes(new OwnerGroupService(database, clock)),
                    new ItemShapeRoutes(new ItemShapeService(database, clock), milestones, indicators),
                    reminderRoutes,
                    leadership,
                    map,
                    new AuditRoutes(audit),
                    new JobRoutes(scheduler),
                    new MetricsRoutes(metrics),
                    new TeamsAppRoutes(config.bot().appId(), config.publicUrl(), config.deployment().publisherName(),
                            config.deployment().publisherUrl(), config.deployment().privacyUrl(),
                            config.deployment().termsUrl())));
            Javalin javalin = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                // Counts requests under way so that stopping the server lets them finish first.
                cfg.jetty.modifyServer(jetty -> jetty.setHandler(new StatisticsHandler()));
                table.install(cfg);
            });
            server.set(javalin);
            try {
                database.awaitOpen();
                defaultPlan.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return new PlanpulsApp(config, database, scheduler, javalin, token, dispatcher, table, bot, botEndpoint,
                    metrics, draining);
        } catch (RuntimeException e) {
            if (dispatcher != null) {
                dispatcher.close();
            }
            metrics.close();
            database.close();
            throw e;
        }
    }

    /** Every route the server registers and {@code /openapi.json} describes. */
    public List<Route> routes() {
        return routes.routes();
    }

    public PlanpulsApp start() {
        javalin.start(config.bindAddress(), config.port());
        scheduler.start();
        // A start that found the schema at this build's version skipped Flyway; the applied migrations'
        // checksums are compared once the service is up, off the path of the start.
        Thread validation = new Thread(() -> {
            try {
                database.validateMigrations();
            } catch (RuntimeException e) {
                // Stopped before it finished (the database closed): the next start checks again.
                LOG.warn("Could not compare the applied migrations with this build's: {}", e.toString());
            }
        }, "planpuls-migration-check");
        validation.setDaemon(true);
        validation.start();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** The address the server listens on. */
    public String bindAddress() {
        return config.bindAddress();
    }

    /** Where a generated admin token is kept, or null when it came from the environment. */
    public Path adminTokenFile() {
        return token.file();
    }

    public Database database() {
        return database;
    }

    /** The meters this app records, for tests that read them without scraping. */
    public io.micrometer.core.instrument.MeterRegistry metrics() {
        return metrics.registry();
    }

    /** A graceful shutdown within {@link #SHUTDOWN_PATIENCE}; what SIGTERM runs. */
    @Override
    public void close() {
        close(SHUTDOWN_PATIENCE);
    }

    /**
     * Stops taking new turns, sends and job runs, lets those under way finish for at most
     * {@code patience}, records their outcomes, then stops the schedule (leaving the cluster), the
     * server and the database. Anything not started is left for the next run or another instance.
     */
    public void close(Duration patience) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        LOG.info("Shutting down: no new turns, sends or job runs; waiting up to {} s for those under way",
                patience.toSeconds());
        draining.set(true);
        scheduler.standby();
        dispatcher.drain();
        bot.drain();
        boolean turns = waitUntil(() -> botEndpoint.inFlight() == 0, deadline);
        boolean sends = dispatcher.awaitIdle(remaining(deadline));
        boolean proactive = bot.awaitIdle(remaining(deadline));
        boolean jobs = waitUntil(() -> !scheduler.busy(), deadline);
        if (turns && sends && proactive && jobs) {
            LOG.info("Everything under way finished; stopping");
        } else {
            LOG.warn("Stopping with work unfinished after {} s (turns {}, sends {}, other messages {}, jobs {}); "
                    + "what was not recorded is sent again by the next run", patience.toSeconds(),
                    turns ? "done" : "left", sends ? "done" : "left", proactive ? "done" : "left", jobs ? "done" : "left");
        }
        quietly("the schedule", scheduler::close);
        javalin.jettyServer().server().setStopTimeout(Math.max(1000, remaining(deadline).toMillis()));
        quietly("the server", javalin::stop);
        quietly("the reminder workers", dispatcher::close);
        quietly("the bot", bot::close);
        quietly("the metrics", metrics::close);
        quietly("the database", database::close);
        LOG.info("Planpuls stopped");
    }

    private static boolean waitUntil(BooleanSupplier done, long deadline) {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done.getAsBoolean();
            }
        }
        return true;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not stop {} cleanly: {}", what, e.toString());
        }
    }
}
