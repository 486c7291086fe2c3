package se.planpuls.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.bot.BotSettings;
import se.planpuls.db.TestDatabases;

/**
 * A real server on a random port with a fresh in-memory database, for the admin API tests: as a
 * JUnit extension ({@code @RegisterExtension final RunningApp running = new RunningApp();}) it starts
 * before each test and stops after it; constructed with a data directory it starts at once.
 */
public final class RunningApp implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    public static final String TOKEN = "test-admin-token-0123456789";
    public static final String SECOND_TOKEN = "second-admin-token-abcdefghij";
    public static final String READER_TOKEN = "dashboard-read-only-token-xyz";

    /** Talks to this server as the admin; usable as a field initialiser, before the server starts. */
    public final ApiClient api = new ApiClient(() -> app().port(), TOKEN);
    private PlanpulsApp app;
    private Path dataDir;
    private boolean ownDataDir;
    private String schema;

    /** Started by JUnit before each test, as a registered extension. */
    public RunningApp() {
    }

    /** Started now, on the given data directory. */
    public RunningApp(Path dataDir) {
        start(dataDir);
    }

    /** Started now on the given data directory and database: a fresh H2, or a fresh schema on the CI PostgreSQL. */
    public static RunningApp on(TestDatabases.Kind kind, Path dataDir) {
        RunningApp running = new RunningApp();
        if (kind == TestDatabases.Kind.POSTGRESQL) {
            running.schema = "t_" + java.util.UUID.randomUUID().toString().replace("-", "");
            postgres("CREATE SCHEMA " + running.schema);
            running.start(dataDir, TestDatabases.POSTGRES_URL + "&currentSchema=" + running.schema);
        } else {
            running.start(dataDir);
        }
        return running;
    }

    private static void postgres(String sql) {
        try (var connection = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES_URL);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + TestDatabases.POSTGRES_URL + ": " + e.getMessage(), e);
        }
    }

    private void start(Path dataDir) {
        start(dataDir, TestConfigs.freshH2());
    }

    private void start(Path dataDir, String databaseUrl) {
        this.dataDir = dataDir;
        var config = new Config(0, dataDir, databaseUrl, TOKEN,
                new BotSettings("", "", ""), null, List.of(SECOND_TOKEN), List.of(READER_TOKEN));
        app = PlanpulsApp.create(config, Clock.systemUTC()).start();
    }

    public PlanpulsApp app() {
        if (app == null) {
            throw new IllegalStateException("the server is not started");
        }
        return app;
    }

    /** Where the server keeps its files (the generated admin token, map keys). */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        ownDataDir = true;
        start(Files.createTempDirectory("planpuls-api-test"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        if (ownDataDir) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    public ApiClient.Response importCsv(String csv) {
        return api.send("POST", "/api/v1/plans/import", csv, TOKEN, Map.of("Content-Type", "text/csv"));
    }

    public ApiClient.Response importJson(String json) {
        return api.post("/api/v1/plans/import", json);
    }

    public ApiClient.Response send(String method, String path, String body, Map<String, String> headers) {
        return api.send(method, path, body, TOKEN, headers);
    }

    public static String resource(String name) {
        try (InputStream in = RunningApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (schema != null) {
            postgres("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }
}
