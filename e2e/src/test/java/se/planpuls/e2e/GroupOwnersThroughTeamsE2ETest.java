package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An assignment owned by a group, through the Agents Playground: "förvaltningen" has two members,
 * Alex Wilber (the playground's user) and Megan Bowen (user-id-1, reached through her team). Both
 * are prompted before the report-back date; Megan answers for the group; on the next reminder day
 * neither is prompted again, and the history names Megan as the one who answered. The service's
 * clock starts on Monday 23 November 2026, 08:30 in Stockholm; the item is due Monday 30 November.
 */
class GroupOwnersThroughTeamsE2ETest extends PlanpulsE2E {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T07:30:00Z"));

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void both_members_are_prompted_one_answers_for_the_group_and_the_other_is_not_prompted_again() throws Exception {
        importJson("""
                {"slug": "orebro", "name": "Uppdrag 2026", "organisation": "Region Örebro län",
                 "periodStart": 2026, "periodEnd": 2026,
                 "groups": [{"name": "Uppdrag", "areas": [{"code": "FARD", "name": "Färdplaner", "milestones": [
                   {"code": "NR-7", "kind": "assignment", "title": "Färdplan för operationsflödet",
                    "dueDate": "2026-11-30", "reportTo": "Hälso- och sjukvårdsnämnden", "ownerGroup": "förvaltningen"}
                 ]}]}]}""");
        long group = api("GET", "/api/v1/groups", null).get(0).path("id").asLong();
        api("POST", "/api/v1/groups/" + group + "/members", "{\"email\":\"alexw@example.com\",\"name\":\"Alex Wilber\"}");
        api("POST", "/api/v1/groups/" + group + "/members", "{\"email\":\"meganb@example.com\",\"name\":\"Megan Bowen\"}");
        long nr7 = milestoneId("NR-7");
        Playground.User megan = playground.user("user-id-1");
        String alexChat = playground.personalChatId();
        playground.sendAsUser(alexChat, "user-id-0", "språk svenska");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("svenska"), WAIT);
        playground.sendEvent(playground.channelId("My Team", "General"), "install");
        var welcome = playground.awaitBotActivity(a -> a.text() != null && a.text().startsWith("Hej Megan"), WAIT);
        String meganChat = welcome.conversationId();

        JsonNode monday = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(monday.path("summary").asText()).isEqualTo("2 due: 2 sent, 0 noted, 0 failed, 0 skipped");
        var toAlex = playground.awaitBotActivity(a -> a.adaptiveCard() != null && alexChat.equals(a.conversationId())
                && a.adaptiveCard().toString().contains("NR-7"), WAIT);
        var toMegan = playground.awaitBotActivity(a -> a.adaptiveCard() != null && meganChat.equals(a.conversationId())
                && a.adaptiveCard().toString().contains("NR-7"), WAIT);
        assertThat(toAlex.adaptiveCard().toString()).contains("förvaltningen (en grupp");
        assertThat(toMegan.adaptiveCard().toString()).contains("förvaltningen (en grupp");

        sayInGroupAs(playground.groupChatId(), megan, "rapportera NR-7 gul Remissen är ute hos verksamheterna");
        var saved = awaitText("Du har svarat för gruppen förvaltningen");
        assertThat(saved.text()).contains("NR-7");

        clock.moveTo(Instant.parse("2026-11-27T07:30:00Z"));
        int friday = playground.activities().size();
        JsonNode again = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(again.path("summary").asText()).startsWith("0 due");
        Thread.sleep(2_000);
        var seen = playground.activities();
        assertThat(seen.subList(friday, seen.size())).filteredOn(a -> a.fromBot() && a.adaptiveCard() != null)
                .as("nobody is prompted again for the answered round").isEmpty();
        JsonNode history = history(nr7);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("reportedBy").asText()).isEqualTo("Megan Bowen");
        assertThat(api("GET", "/api/v1/milestones/" + nr7, null).path("milestone").path("shape")
                .path("ownerGroup").path("name").asText()).isEqualTo("förvaltningen");
        assertThat(api("GET", "/api/v1/reminders?status=sent", null))
                .extracting(r -> r.path("milestoneCode").asText() + " " + r.path("recipientOwnerId").asLong())
                .hasSize(2);
    }

    private void importJson(String plan) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/plans/import"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(plan)).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
