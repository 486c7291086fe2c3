package se.planpuls.api.app;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Planpuls from the environment. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (Config.InvalidConfigException e) {
            System.err.println("Planpuls cannot start; fix the configuration:");
            e.problems().forEach(problem -> System.err.println("  - " + problem));
            System.exit(2);
            return;
        }
        PlanpulsApp app = PlanpulsApp.create(config, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "planpuls-shutdown"));
        if (!config.bot().authenticationEnabled()) {
            LOG.warn("*****************************************************************************");
            LOG.warn("* MicrosoftAppId is not set: the bot runs WITHOUT AUTHENTICATION.          *");
            LOG.warn("* Fine for the Agents Playground on this machine; never expose it like this. *");
            LOG.warn("*****************************************************************************");
        }
        if (app.adminTokenFile() != null) {
            LOG.info("Admin API token (PLANPULS_ADMIN_TOKEN unset) is kept in {}", app.adminTokenFile());
        }
        LOG.info("Planpuls is up on http://localhost:{} (database {}); bot endpoint /api/messages, admin API /api/v1",
                app.port(), app.database().product());
    }
}
