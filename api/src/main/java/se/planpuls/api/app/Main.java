package se.planpuls.api.app;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Planpuls from the environment. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** The system clock, or in tests one that starts at {@code PLANPULS_TEST_CLOCK} and then runs on. */
    static Clock clock(Config config) {
        Clock system = Clock.systemUTC();
        var start = config.deployment().clockStart();
        return start == null ? system : Clock.offset(system, Duration.between(system.instant(), start));
    }

    public static void main(String[] args) {
        se.planpuls.api.leadership.PdfRendererLog.install();
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (Config.InvalidConfigException e) {
            System.err.println("Planpuls cannot start; fix the configuration:");
            e.problems().forEach(problem -> System.err.println("  - " + problem));
            System.exit(2);
            return;
        }
        // Said before the port opens, so that nobody reaches an unauthenticated bot before the log warns.
        if (config.exposedWithoutAuthentication()) {
            LOG.warn("*****************************************************************************");
            LOG.warn("* MicrosoftAppId is not set and PLANPULS_BIND_ADDRESS is {}:", config.bindAddress());
            LOG.warn("* the bot runs WITHOUT AUTHENTICATION on an address others may reach.");
            LOG.warn("* ANYONE WHO REACHES THIS ADDRESS CAN IMPERSONATE ANY OWNER and report for them.");
            LOG.warn("* Set MicrosoftAppId and MicrosoftAppPassword, or listen on 127.0.0.1 only.");
            LOG.warn("*****************************************************************************");
        } else if (!config.bot().authenticationEnabled()) {
            LOG.warn("*****************************************************************************");
            LOG.warn("* MicrosoftAppId is not set: the bot runs WITHOUT AUTHENTICATION.          *");
            LOG.warn("* It listens on 127.0.0.1 only: fine for the Agents Playground on this      *");
            LOG.warn("* machine; set the app id and password before Teams may reach it.           *");
            LOG.warn("*****************************************************************************");
        }
        PlanpulsApp app = PlanpulsApp.create(config, clock(config)).start();
        if (System.getenv("PLANPULS_CLASS_ARCHIVE_RUN") != null) {
            // The build starts the service once and stops it, so that the JVM writes the classes a start
            // loads into a shared archive (planpuls.jsa) that later starts map instead of loading again.
            app.close();
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "planpuls-shutdown"));
        if (app.adminTokenFile() != null) {
            LOG.info("Admin API token (PLANPULS_ADMIN_TOKEN unset) is kept in {}", app.adminTokenFile());
        }
        LOG.info("Planpuls is up on {}:{} (database {}); bot endpoint /api/messages, admin API /api/v1",
                config.bindAddress(), app.port(), app.database().product());
    }
}
