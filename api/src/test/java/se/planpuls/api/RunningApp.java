package se.planpuls.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.bot.BotSettings;

/** A real server on a random port with a fresh in-memory database, for the admin API tests. */
public final class RunningApp implements AutoCloseable {
    public static final String TOKEN = "test-admin-token-0123456789";
    public static final String SECOND_TOKEN = "second-admin-token-abcdefghij";
    public static final String READER_TOKEN = "dashboard-read-only-token-xyz";

    public final PlanpulsApp app;
    public final ApiClient api;

    public RunningApp(Path dataDir) {
        var config = new Config(0, dataDir, "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", TOKEN,
                new BotSettings("", "", ""), null, List.of(SECOND_TOKEN), List.of(READER_TOKEN));
        app = PlanpulsApp.create(config, Clock.systemUTC()).start();
        api = new ApiClient(app.port(), TOKEN);
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
        app.close();
    }
}
