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

    /** Started by JUnit before each test, as a registered extension. */
    public RunningApp() {
    }

    /** Started now, on the given data directory. */
    public RunningApp(Path dataDir) {
        start(dataDir);
    }

    private void start(Path dataDir) {
        this.dataDir = dataDir;
        var config = new Config(0, dataDir, TestConfigs.freshH2(), TOKEN,
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
    }
}
