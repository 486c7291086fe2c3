package se.planpuls.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
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
import se.planpuls.domain.rules.DependencyRiskRule;
import se.planpuls.db.DigestService;
import se.planpuls.domain.rules.MissingReportRule;
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
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.ReminderService;
import se.planpuls.scheduler.ReminderDispatcher;
import se.planpuls.scheduler.ReminderTask;
import se.planpuls.scheduler.ScheduledTask;
import java.util.ArrayList;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/**
 * The composition root: builds every part through its constructor and wires the routes. {@link
 * #create} returns an unstarted app so tests can start it on a random port.
 */
public final class PlanpulsApp implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Config config;
    private final Database database;
    private final PlanpulsScheduler scheduler;
    private final Javalin javalin;
    private final AdminToken token;
    private final ReminderDispatcher dispatcher;

    private PlanpulsApp(Config config, Database database, PlanpulsScheduler scheduler, Javalin javalin,
                        AdminToken token, ReminderDispatcher dispatcher) {
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
            // Reminders fall on Swedish working days and go out once each, through the bot, under Teams' limits.
            var reminders = new ReminderService(database, clock, WorkingCalendar.sweden());
            dispatcher = ReminderDispatcher.teams(reminders, bot, clock);
            AdminToken token = AdminToken.resolve(config);
            var mapKeys = new MapKeys(token);
            var javalinRef = new java.util.concurrent.atomic.AtomicReference<Javalin>();
            var mapLinks = new MapLinks(config, () -> javalinRef.get().port(), mapKeys);
            var digests = new DigestService(database, clock, MissingReportRule.escalated(reminders::reportMissing),
                    new DependencyRiskRule(DependencyRiskRule.DEFAULT_HORIZON_DAYS));
            var digestTask = DigestTask.now(channels, digests, bot, mapLinks, clock);
            var reviewService = new AnnualReviewService(database, clock);
            var reviewPoster = new AnnualReviewPoster(channels, bot, mapLinks);
            List<ScheduledTask> tasks = new ArrayList<>(List.of(new WeeklyCheckInTask(bot), digestTask,
                    DigestTask.onSchedule(channels, digests, bot, mapLinks, clock),
                    new AnnualReviewTask(reminders, reviewService, reviewPoster)));
            tasks.addAll(ReminderTask.all(reminders, dispatcher));
            var scheduler = new PlanpulsScheduler(tasks, ZONE, clock, database);
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

            var health = new HealthController(database);
            var planRoutes = new PlanController(plans);
            var milestoneRoutes = new MilestoneController(milestones, json);
            var ownerRoutes = new OwnerController(owners, json);
            var jobRoutes = new JobController(scheduler);
            var botRoutes = new BotController(bot);
            var reminderRoutes = new ReminderController(reminders, milestones, owners, json);
            var channelRoutes = new ChannelController(channels, json);
            var dependencyRoutes = new DependencyController(dependencies, milestones, json);
            var reviewRoutes = new AnnualReviewController(reviewService, reviewPoster);
            var auth = new AdminAuth(token, config.moreAdminTokens(), config.readOnlyTokens());
            var mapRoutes = new MapController(plans, dependencies, mapKeys, mapLinks, auth, clock);
            // The admin surface: plan import and export, items, owners and the audit log.
            var audit = new AuditService(database);
            var transferRoutes = new PlanTransferController(new PlanImportService(database, clock),
                    new PlanExportService(database), audit);
            var itemRoutes = new ItemController(milestones, milestones, json);
            var ownerAdminRoutes = new OwnerAdminController(owners, owners, json);
            var auditRoutes = new AuditController(audit);
            String openApi = OpenApiDocument.json(json);
            String swagger = OpenApiDocument.swaggerPage(swaggerUiVersion());

            Javalin javalin = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                cfg.http.maxRequestSize = MAX_BODY_BYTES;
                cfg.jsonMapper(new JavalinJackson(json, false));
                cfg.staticFiles.enableWebjars();
                cfg.router.apiBuilder(() -> {
                    get("/health", health::health);
                    get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
                    get("/swagger", ctx -> ctx.html(swagger));
                    post("/api/messages", botRoutes::messages);
                    get("/plans/{id}/map", mapRoutes::page);
                    get("/plans/{id}/map.png", mapRoutes::png);
                    path("/api/v1", () -> {
                        before(auth::check);
                        get("/plans", planRoutes::list);
                        get("/plans/{id}", planRoutes::get);
                        post("/plans/import", transferRoutes::importPlan);
                        get("/plans/{id}/export", transferRoutes::export);
                        get("/plans/{id}/history.csv", transferRoutes::history);
                        get("/milestones", milestoneRoutes::search);
                        post("/milestones", itemRoutes::create);
                        get("/milestones/{id}", milestoneRoutes::get);
                        patch("/milestones/{id}", itemRoutes::patch);
                        delete("/milestones/{id}", itemRoutes::delete);
                        get("/owners", ctx -> {
                            if (ctx.queryParam("reachable") != null) {
                                reminderRoutes.ownersByReachability(ctx);
                            } else {
                                ownerAdminRoutes.list(ctx);
                            }
                        });
                        post("/owners", ownerRoutes::create);
                        get("/owners/{id}", ownerAdminRoutes::get);
                        patch("/owners/{id}", ownerAdminRoutes::patch);
                        delete("/owners/{id}", ownerAdminRoutes::delete);
                        get("/audit", auditRoutes::list);
                        get("/jobs", jobRoutes::list);
                        post("/jobs/{name}/run", jobRoutes::run);
                        get("/channels", channelRoutes::list);
                        post("/channels", channelRoutes::create);
                        get("/channels/{id}", channelRoutes::get);
                        delete("/channels/{id}", channelRoutes::delete);
                        post("/milestones/{id}/dependencies", dependencyRoutes::add);
                        delete("/milestones/{id}/dependencies", dependencyRoutes::remove);
                        delete("/milestones/{id}/dependencies/{dependsOnId}", dependencyRoutes::remove);
                        get("/plans/{id}/annual-review", reviewRoutes::get);
                        post("/plans/{id}/annual-review", reviewRoutes::take);
                        get("/plans/{id}/map-links", mapRoutes::links);
                        get("/reminders", reminderRoutes::list);
                        get("/reminders/report-missing", reminderRoutes::reportMissing);
                        get("/plans/{id}/reminder-policy", reminderRoutes::policy);
                        put("/plans/{id}/reminder-policy", reminderRoutes::putPolicy);
                    });
                });
            });
            javalinRef.set(javalin);
            ErrorMapper.register(javalin);
            return new PlanpulsApp(config, database, scheduler, javalin, token, dispatcher);
        } catch (RuntimeException e) {
            if (dispatcher != null) {
                dispatcher.close();
            }
            database.close();
            throw e;
        }
    }

    /** The Swagger UI webjar's version, from its own Maven metadata, so the pom pins it once. */
    private static String swaggerUiVersion() {
        try (var in = PlanpulsApp.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            var properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The routes the server has, for checking the OpenAPI document against them. */
    List<String> routes() {
        return javalin.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint().getMethod().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + e.getEndpoint().getPath())
                .toList();
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
