package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.ConversationService;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.ConversationKind;

/** Leadership endpoints through the real server: channels, dependencies, annual review, the map. */
class LeadershipApiTest {
    static final String TOKEN = RunningApp.TOKEN;

    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private long planId;

    @BeforeEach
    void readThePlan() {
        planId = api.get("/api/v1/plans").json().get(0).path("id").asLong();
    }

    @Test
    void a_channel_is_subscribed_listed_and_removed_and_bad_input_names_the_field() {
        new ConversationService(running.app().database(), Clock.systemUTC()).save("19:general@thread.tacv2",
                ConversationKind.channel, null, null, null, "http://127.0.0.1:9/", "tenant", "{}");

        var created = api.post("/api/v1/channels", "{\"planId\":" + planId
                + ",\"teamId\":\"19:general@thread.tacv2\",\"channelId\":\"19:ledning@thread.tacv2\"}");

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("schedule").asText()).isEqualTo("MON 08:00");
        assertThat(created.json().path("language").asText()).isEqualTo("sv");
        assertThat(api.get("/api/v1/channels").json()).hasSize(1);
        assertThat(api.post("/api/v1/channels", "{\"planId\":" + planId
                + ",\"teamId\":\"19:general@thread.tacv2\",\"channelId\":\"19:ledning@thread.tacv2\"}").status())
                .isEqualTo(409);
        assertProblem(api.post("/api/v1/channels", "{\"planId\":" + planId + ",\"teamId\":\"t\"}"), 400, "channelId");
        assertProblem(api.post("/api/v1/channels", "{\"planId\":" + planId
                + ",\"teamId\":\"t\",\"channelId\":\"19:other@thread.tacv2\"}"), 400, "channelId");
        assertProblem(api.post("/api/v1/channels", "{\"planId\":\"x\"}"), 400, "planId");
        assertProblem(api.post("/api/v1/channels", "{\"planId\":" + planId + ",\"teamId\":\"19:general@thread.tacv2\","
                + "\"channelId\":\"c\",\"schedule\":\"every day\"}"), 400, "schedule");
        assertProblem(api.post("/api/v1/channels", "{\"planId\":" + planId + ",\"teamId\":\"19:general@thread.tacv2\","
                + "\"channelId\":\"19:english@thread.tacv2\",\"language\":\"fi\"}"), 400, "language");
        var english = api.post("/api/v1/channels", "{\"planId\":" + planId + ",\"teamId\":\"19:general@thread.tacv2\","
                + "\"channelId\":\"19:english@thread.tacv2\",\"language\":\"EN\"}");
        assertThat(english.status()).isEqualTo(201);
        assertThat(english.json().path("language").asText()).isEqualTo("en");
        assertThat(api.send("DELETE", "/api/v1/channels/" + english.json().path("id").asLong(), null, TOKEN).status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/channels/" + id, null, TOKEN).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/channels/" + id, null, TOKEN).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/channels").json()).isEmpty();
    }

    @Test
    void the_digest_job_runs_now_and_reports_what_it_posted() {
        var run = api.post("/api/v1/jobs/digest/run", null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("summary").asText()).isEqualTo("0 channels posted, 0 failed");
        assertThat(api.get("/api/v1/jobs").json()).anySatisfy(job -> {
            assertThat(job.path("name").asText()).isEqualTo("digest-schedule");
            assertThat(job.path("cron").asText()).isEqualTo("0 0/30 * ? * *");
        });
    }

    @Test
    void the_annual_review_is_served_as_json_html_and_csv_and_kept_as_a_snapshot() throws Exception {
        long med1 = milestone("MED-1");
        api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\"}");
        TestDatabases.execute(running.app().database(), """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                VALUES (?, 'REACHED', 'Klart, "äntligen"', 'Anna Berg', 'api',
                        TIMESTAMP WITH TIME ZONE '2023-06-01 08:00:00+00')""", med1);
        TestDatabases.execute(running.app().database(), """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                VALUES (?, 'REACHED', 'Klart långt senare', 'Anna Berg', 'api', CURRENT_TIMESTAMP)""",
                milestone("MED-2"));

        JsonNode json = api.get("/api/v1/plans/" + planId + "/annual-review?year=2023").json();
        assertThat(json.path("year").asInt()).isEqualTo(2023);
        assertThat(json.path("snapshot").asBoolean()).isFalse();
        assertThat(json.path("asOf").asText()).isEqualTo("2024-01-31");
        assertThat(json.path("entries")).hasSize(32);
        assertThat(json.path("entries")).filteredOn(e -> e.path("milestoneCode").asText().equals("MED-1"))
                .singleElement().satisfies(e -> assertThat(e.path("colour").asText()).isEqualTo("green"));
        assertThat(json.path("entries")).filteredOn(e -> !e.path("milestoneCode").asText().equals("MED-1"))
                .allSatisfy(e -> assertThat(e.path("colour").asText()).isEqualTo("grey"));
        JsonNode later = api.get("/api/v1/plans/" + planId + "/annual-review?year=2023&asOf=2100-01-01").json();
        assertThat(later.path("entries")).filteredOn(e -> e.path("milestoneCode").asText().equals("MED-2"))
                .singleElement().satisfies(e -> assertThat(e.path("colour").asText()).isEqualTo("green"));
        JsonNode before = api.get("/api/v1/plans/" + planId + "/annual-review?year=2023&asOf=2023-05-31").json();
        assertThat(before.path("asOf").asText()).isEqualTo("2023-05-31");
        assertThat(before.path("entries")).allSatisfy(e -> assertThat(e.path("colour").asText()).isEqualTo("grey"));
        assertProblem(api.get("/api/v1/plans/" + planId + "/annual-review?year=2023&asOf=31/01/2024"), 400, "asOf");

        var html = get("/api/v1/plans/" + planId + "/annual-review?year=2023", "text/html");
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("Årlig uppföljning 2023").contains("Ledarskapsakademi är inrättad")
                .contains("class=\"status green\"").contains("Klart, &quot;äntligen&quot;")
                .contains("Status per 2024-01-31 vid dagens slut").contains("Uppnådda effekter på kort sikt");

        var csv = get("/api/v1/plans/" + planId + "/annual-review?year=2023", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(33);
        assertThat(lines[0]).startsWith("group,area_code,area,milestone");
        assertThat(csv.body()).contains("\"MED-1\",\"Ledarskapsakademi är inrättad\",2022,false,reached,green,"
                + "\"Klart, \"\"äntligen\"\"\"");

        var taken = api.post("/api/v1/plans/" + planId + "/annual-review?year=2023", null);
        assertThat(taken.status()).isEqualTo(201);
        api.patch("/api/v1/milestones/" + med1, "{\"dueDate\":\"2024-06-30\"}");
        JsonNode again = api.get("/api/v1/plans/" + planId + "/annual-review?year=2023").json();
        assertThat(again.path("snapshot").asBoolean()).isTrue();
        assertThat(again.path("entries")).hasSize(32);
        assertThat(again.path("entries").toString()).contains("\"milestoneCode\":\"MED-1\"");

        assertProblem(api.get("/api/v1/plans/" + planId + "/annual-review?year=twenty"), 400, "year");
        assertThat(api.get("/api/v1/plans/999/annual-review?year=2023").status()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.app().port()
                + path)).header("Authorization", "Bearer " + TOKEN).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long milestone(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no milestone " + code);
    }
}
