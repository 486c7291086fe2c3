package se.planpuls.api;

import java.nio.file.Path;
import java.util.UUID;
import se.planpuls.api.app.Config;
import se.planpuls.bot.BotSettings;

/** A configuration for a test: a random port, a private in-memory H2, an admin token, no bot authentication. */
public final class TestConfigs {
    /** The H2 URL of a fresh private in-memory database in PostgreSQL mode. */
    public static String freshH2() {
        return "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private TestConfigs() {
    }

    public static Config inMemory(Path dataDir, String adminToken) {
        return new Config(0, dataDir, freshH2(), adminToken, new BotSettings("", "", ""));
    }
}
