package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;

/** The service on an H2 file in a temp directory, the Agents Playground as Teams, and admin API calls. */
abstract class PlanpulsE2E {
    static final String TOKEN = "e2e-admin-token-0123456789";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    int port;
    PlanpulsApp app;
    Playground playground;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startServiceAndPlayground() throws IOException {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        app = startService();
        // 127.0.0.1, not localhost: the service listens on IPv4 loopback, and Node may resolve localhost to ::1.
        playground = Playground.start("http://127.0.0.1:" + port + "/api/messages");
    }

    @AfterEach
    void stopServiceAndPlayground() {
        if (playground != null) {
            playground.close();
        }
        if (app != null) {
            app.close();
        }
    }

    PlanpulsApp startService() {
        Config config = Config.fromEnvironment(Map.of(
                "PORT", String.valueOf(port),
                "PLANPULS_DATA_DIR", dataDir.toString(),
                "PLANPULS_ADMIN_TOKEN", TOKEN));
        return PlanpulsApp.create(config, clock()).start();
    }

    /** The service's clock; a test that needs a fixed "today" overrides it. */
    Clock clock() {
        return Clock.systemUTC();
    }

    long createOwner(String name, String email) throws Exception {
        return api("POST", "/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}")
                .path("id").asLong();
    }

    void assign(long milestoneId, long ownerId) throws Exception {
        api("PATCH", "/api/v1/milestones/" + milestoneId, "{\"ownerId\":" + ownerId + "}");
    }

    long milestoneId(String code) throws Exception {
        for (JsonNode m : api("GET", "/api/v1/milestones?q=" + code, null)) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no milestone " + code);
    }

    JsonNode history(long milestoneId) throws Exception {
        return api("GET", "/api/v1/milestones/" + milestoneId, null).path("history");
    }

    /** Speaks as another playground user in a group chat or channel, @mentioning the bot as Teams does. */
    void sayInGroupAs(String conversationId, Playground.User user, String text) {
        String mention = "<at>" + playground.botName() + "</at>";
        playground.sendCustomActivity(conversationId, Map.of(
                "type", "message",
                "text", mention + " " + text,
                "textFormat", "plain",
                "locale", "sv-SE",
                "from", Map.of("id", user.id(), "name", user.name(), "aadObjectId", user.aadObjectId()),
                "entities", List.of(Map.of("type", "mention", "text", mention,
                        "mentioned", Map.of("id", playground.botId(), "name", playground.botName())))));
    }

    /**
     * Writes in the personal chat as the playground's user from a Swedish Teams client: the
     * playground itself always says {@code en-US}.
     */
    void sayFromASwedishClient(String text) {
        playground.sendCustomActivity(playground.personalChatId(), Map.of(
                "type", "message", "text", text, "textFormat", "plain", "locale", "sv-SE"));
    }

    Playground.Activity awaitText(String fragment) {
        return playground.awaitBotActivity(a -> a.text() != null && a.text().contains(fragment), WAIT);
    }

    JsonNode api(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
