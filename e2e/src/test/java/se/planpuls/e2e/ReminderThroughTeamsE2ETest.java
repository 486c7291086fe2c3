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
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.Config;
import se.planpuls.api.PlanpulsApp;

/**
 * A deadline reminder as a Teams user meets it, with the service's clock set to Monday 23 November
 * 2026, 08:30 in Stockholm: a milestone due in 5 working days brings its owner a reminder card in
 * the Agents Playground, and running the job again sends nothing new.
 */
class ReminderThroughTeamsE2ETest {
    static final String TOKEN = "e2e-admin-token-0123456789";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    Path dataDir;
    private int port;
    private PlanpulsApp app;
    private Playground playground;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = Config.fromEnvironment(Map.of(
                "PORT", String.valueOf(port),
                "PLANPULS_DATA_DIR", dataDir.toString(),
                "PLANPULS_ADMIN_TOKEN", TOKEN));
        app = PlanpulsApp.create(config, MONDAY).start();
        playground = Playground.start("http://localhost:" + port + "/api/messages");
    }

    @AfterEach
    void stop() {
        if (playground != null) {
            playground.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_milestone_due_in_5_working_days_brings_its_owner_one_reminder_card() throws Exception {
        long alex = api("POST", "/api/v1/owners", "{\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\"}")
                .path("id").asLong();
        long dig3 = milestoneId("DIG-3");
        // Monday 30 November is 5 working days after Monday 23 November.
        api("PATCH", "/api/v1/milestones/" + dig3, "{\"ownerId\":" + alex + ",\"dueDate\":\"2026-11-30\"}");
        String chat = playground.personalChatId();
        playground.sendAsUser(chat, "user-id-0", "hjälp");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("my milestones"), WAIT);
        assertThat(api("GET", "/api/v1/owners?reachable=false", null)).isEmpty();

        int before = playground.activities().size();
        JsonNode run = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(run.path("summary").asText()).isEqualTo("1 due: 1 sent, 0 noted, 0 failed, 0 skipped");
        var reminder = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("Påminnelse från Planpuls"), WAIT);
        assertThat(reminder.conversationId()).isEqualTo(chat);
        assertThat(reminder.adaptiveCard().toString()).contains("DIG-3").contains("30 nov 2026")
                .contains("om 5 arbetsdagar").contains("Input.ChoiceSet").contains("\"milestoneId\":" + dig3);
        JsonNode sent = api("GET", "/api/v1/reminders?status=sent&owner=" + alex, null);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.path("kind").asText()).isEqualTo("deadline");
            assertThat(r.path("step").asInt()).isEqualTo(5);
        });

        JsonNode again = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(again.path("summary").asText()).isEqualTo("0 due: 0 sent, 0 noted, 0 failed, 0 skipped");
        Thread.sleep(2_000);
        assertThat(playground.activities().subList(before, playground.activities().size()))
                .filteredOn(a -> a.fromBot() && a.adaptiveCard() != null).hasSize(1);
        assertThat(api("GET", "/api/v1/reminders?status=sent", null)).hasSize(1);
    }

    private long milestoneId(String code) throws Exception {
        for (JsonNode m : api("GET", "/api/v1/milestones?q=" + code, null)) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no milestone " + code);
    }

    private JsonNode api(String method, String path, String body) throws Exception {
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
