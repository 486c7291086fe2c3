package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A count-based commitment through the Agents Playground, from Södra's plan as the seed writes it
 * (the newsletter "minst fyra gånger per år"): Alex Wilber owns it and reports in March and in June
 * 2023; on Monday 20 November three reports are called for by the time gone, so the reminder job
 * sends him one card saying two reports are still needed this year, and running it again sends
 * nothing. A third report puts him on pace: the next day brings no count reminder.
 */
class CountBasedReminderThroughTeamsE2ETest extends PlanpulsE2E {
    private static final Path SODRA = Path.of("..", "api", "src", "test", "resources", "plans",
            "sodra-verksamhetsplan-2022-2023-frekvenser.json");
    private final MovableClock clock = new MovableClock(Instant.parse("2023-03-06T08:30:00Z"));

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void an_owner_behind_the_years_pace_gets_one_reminder_of_the_reports_still_needed() throws Exception {
        importJson(Files.readString(SODRA));
        long alex = createOwner("Alex Wilber", "alexw@example.com");
        long newsletter = milestoneId("P4-NYHETSBREV");
        assign(newsletter, alex);
        String chat = playground.personalChatId();
        playground.sendAsUser(chat, "user-id-0", "språk svenska");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("svenska"), WAIT);

        reportAt("2023-03-06T09:00:00Z", "rapportera P4-NYHETSBREV gul Första numret är ute");
        reportAt("2023-06-05T08:30:00Z", "rapportera P4-NYHETSBREV gul Andra numret är ute");
        assertThat(history(newsletter)).hasSize(2);

        clock.moveTo(Instant.parse("2023-11-20T07:30:00Z"));
        int before = playground.activities().size();
        api("POST", "/api/v1/jobs/reminders/run", null);

        var reminder = playground.awaitBotActivity(a -> a.adaptiveCard() != null && chat.equals(a.conversationId())
                && a.adaptiveCard().toString().contains("P4-NYHETSBREV"), WAIT);
        assertThat(reminder.adaptiveCard().toString()).contains("Påminnelse från Planpuls")
                .contains("ska rapporteras minst 4 gånger per år och har 2 rapporter hittills i år: "
                        + "2 rapporter kvar i år, senast 31 dec 2023")
                .contains("Input.ChoiceSet").contains("\"milestoneId\":" + newsletter);
        JsonNode sent = api("GET", "/api/v1/reminders?status=sent&owner=" + alex, null);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.path("milestoneCode").asText()).isEqualTo("P4-NYHETSBREV");
            assertThat(r.path("kind").asText()).isEqualTo("count");
            assertThat(r.path("step").asInt()).isEqualTo(2);
        });

        api("POST", "/api/v1/jobs/reminders/run", null);
        Thread.sleep(2_000);
        assertThat(playground.activities().subList(before, playground.activities().size()))
                .filteredOn(a -> a.fromBot() && a.adaptiveCard() != null && chat.equals(a.conversationId()))
                .as("the reminder goes out once").hasSize(1);

        reportAt("2023-11-20T09:00:00Z", "rapportera P4-NYHETSBREV gul Tredje numret är ute");
        clock.moveTo(Instant.parse("2023-11-21T07:30:00Z"));
        api("POST", "/api/v1/jobs/reminders/run", null);
        Thread.sleep(2_000);
        assertThat(api("GET", "/api/v1/reminders?status=sent&owner=" + alex, null))
                .as("on pace again: no count reminder").hasSize(1);
    }

    /** Alex reports by chat at {@code instant} on the service's clock; waits until the report is stored. */
    private void reportAt(String instant, String text) throws Exception {
        clock.moveTo(Instant.parse(instant));
        long id = milestoneId("P4-NYHETSBREV");
        int before = history(id).size();
        playground.sendAsUser(playground.personalChatId(), "user-id-0", text);
        long until = System.nanoTime() + WAIT.toNanos();
        while (history(id).size() == before) {
            assertThat(System.nanoTime()).as("the report of '" + text + "' is stored").isLessThan(until);
            Thread.sleep(200);
        }
    }

    private void importJson(String plan) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/plans/import"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(plan)).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
