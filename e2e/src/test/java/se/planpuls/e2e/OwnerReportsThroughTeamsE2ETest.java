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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.Config;
import se.planpuls.api.PlanpulsApp;

/**
 * The whole product as a Teams user meets it: the service on an H2 file and the Microsoft 365
 * Agents Playground as Teams. Alex Wilber, an owner, asks for help, lists milestones, reports
 * through the card; the report is in the API and survives a restart; the weekly check-in reaches him.
 */
class OwnerReportsThroughTeamsE2ETest {
    static final String TOKEN = "e2e-admin-token-0123456789";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

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
        app = startService();
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
    void an_owner_lists_milestones_reports_through_the_card_and_the_status_survives_a_restart() throws Exception {
        long alex = api("POST", "/api/v1/owners", "{\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\"}")
                .path("id").asLong();
        long med1 = milestoneId("MED-1");
        long nv7 = milestoneId("NV-7");
        api("PATCH", "/api/v1/milestones/" + med1, "{\"ownerId\":" + alex + "}");
        api("PATCH", "/api/v1/milestones/" + nv7, "{\"ownerId\":" + alex + "}");
        String chat = playground.personalChatId();

        playground.sendAsUser(chat, "user-id-0", "hjälp");
        var help = playground.awaitBotActivity(a -> a.text() != null && a.text().contains("my milestones"), WAIT);
        assertThat(help.text()).contains("help");

        playground.sendAsUser(chat, "user-id-0", "mina milstolpar");
        var list = playground.awaitBotActivity(a -> a.text() != null && a.text().contains("MED-1"), WAIT);
        assertThat(list.text()).contains("Ledarskapsakademi är inrättad").contains("NV-7").contains("Medarbetare");
        var card = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("\"milestoneId\":" + med1), WAIT);

        playground.submitCard(chat, "user-id-0", card.id(), Map.of(
                "planpuls", "report", "milestoneId", med1, "status", "IN_PROGRESS",
                "comment", "Första kullen chefer börjar i mars"));

        var thanks = playground.awaitBotActivity(a -> a.text() != null && a.text().contains("MED-1")
                && a.text().contains("In progress"), WAIT);
        assertThat(thanks.text()).contains("Thank you");
        var receipt = playground.awaitBotActivity(a -> a.isUpdate() && card.id().equals(a.id()), WAIT);
        assertThat(receipt.adaptiveCard().toString()).contains("Report received")
                .contains("Första kullen chefer börjar i mars").doesNotContain("Input.ChoiceSet");
        assertReported(med1);

        app.close();
        app = startService();

        assertReported(med1);
        JsonNode owner = api("GET", "/api/v1/owners/" + alex, null);
        assertThat(owner.path("linkedToTeams").asBoolean()).isTrue();

        int before = playground.activities().size();
        JsonNode run = api("POST", "/api/v1/jobs/weekly-check-in/run", null);
        assertThat(run.path("summary").asText()).startsWith("1 owners prompted, 2 cards sent");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("weekly check-in")
                || a.text() != null && a.text().contains("veckans avstämning"), WAIT);
        assertThat(playground.activities().subList(before, playground.activities().size()))
                .filteredOn(a -> a.fromBot() && a.adaptiveCard() != null).hasSize(2);
    }

    private void assertReported(long milestoneId) throws Exception {
        JsonNode detail = api("GET", "/api/v1/milestones/" + milestoneId, null);
        assertThat(detail.path("milestone").path("status").asText()).isEqualTo("in_progress");
        assertThat(detail.path("history")).hasSize(1);
        assertThat(detail.path("history").get(0).path("comment").asText()).isEqualTo("Första kullen chefer börjar i mars");
        assertThat(detail.path("history").get(0).path("reportedBy").asText()).isEqualTo("Alex Wilber");
    }

    private PlanpulsApp startService() {
        Config config = Config.fromEnvironment(Map.of(
                "PORT", String.valueOf(port),
                "PLANPULS_DATA_DIR", dataDir.toString(),
                "PLANPULS_ADMIN_TOKEN", TOKEN));
        return PlanpulsApp.create(config, Clock.systemUTC()).start();
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
