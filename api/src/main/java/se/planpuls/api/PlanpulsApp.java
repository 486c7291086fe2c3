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
import se.planpuls.db.ChannelService;
import se.planpuls.db.ConversationService;
import se.planpuls.db.DependencyService;
import se.planpuls.db.DigestService;
import se.planpuls.db.Database;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PlanLoader;
import se.planpuls.db.PlanService;
import se.planpuls.db.ReportService;
import se.planpuls.scheduler.PlanpulsScheduler;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

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

    private PlanpulsApp(Config config, Database database, PlanpulsScheduler scheduler, Javalin javalin,
                        AdminToken token) {
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
        try {
            new PlanLoader(database, clock).loadDefaultIfMissing();
            var plans = new PlanService(database);
            var milestones = new MilestoneService(database);
            var owners = new OwnerService(database, clock);
            var reports = new ReportService(database, clock);
            var conversations = new ConversationService(database, clock);
            var channels = new ChannelService(database, clock);
            var dependencies = new DependencyService(database);
            TeamsBot bot = TeamsBot.create(config.bot(), new BotServices(owners, milestones, reports, conversations,
                    channels, plans));
            AdminToken token = AdminToken.resolve(config);
            var mapKeys = new MapKeys(token);
            var javalinRef = new java.util.concurrent.atomic.AtomicReference<Javalin>();
            var mapLinks = new MapLinks(config, () -> javalinRef.get().port(), mapKeys);
            var digestTask = new DigestTask(channels, new DigestService(database, clock), bot, mapLinks);
            var scheduler = new PlanpulsScheduler(List.of(new WeeklyCheckInTask(bot), digestTask), ZONE, clock);
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

            var health = new HealthController(database);
            var planRoutes = new PlanController(plans);
            var milestoneRoutes = new MilestoneController(milestones, json);
            var ownerRoutes = new OwnerController(owners, json);
            var jobRoutes = new JobController(scheduler);
            var botRoutes = new BotController(bot);
            var auth = new AdminAuth(token);
            var channelRoutes = new ChannelController(channels, json);
            var dependencyRoutes = new DependencyController(dependencies, milestones, json);
            var reviewRoutes = new AnnualReviewController(new AnnualReviewService(database, clock), channels, bot,
                    mapLinks);
            var mapRoutes = new MapController(plans, dependencies, mapKeys, mapLinks, auth, clock);

            Javalin javalin = Javalin.create(cfg -> {
                cfg.showJavalinBanner = false;
                cfg.http.maxRequestSize = MAX_BODY_BYTES;
                cfg.jsonMapper(new JavalinJackson(json, false));
                cfg.router.apiBuilder(() -> {
                    get("/health", health::health);
                    post("/api/messages", botRoutes::messages);
                    get("/plans/{id}/map", mapRoutes::page);
                    get("/plans/{id}/map.png", mapRoutes::png);
                    path("/api/v1", () -> {
                        before(auth::check);
                        get("/plans", planRoutes::list);
                        get("/plans/{id}", planRoutes::get);
                        get("/milestones", milestoneRoutes::search);
                        get("/milestones/{id}", milestoneRoutes::get);
                        patch("/milestones/{id}", milestoneRoutes::patch);
                        get("/owners", ownerRoutes::list);
                        post("/owners", ownerRoutes::create);
                        get("/owners/{id}", ownerRoutes::get);
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
                    });
                });
            });
            javalinRef.set(javalin);
            ErrorMapper.register(javalin);
            return new PlanpulsApp(config, database, scheduler, javalin, token);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
        database.close();
    }
}
