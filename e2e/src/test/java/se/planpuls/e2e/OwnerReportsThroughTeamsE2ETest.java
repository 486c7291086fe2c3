package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole product as a Teams user meets it: the service on an H2 file and the Microsoft 365
 * Agents Playground as Teams. Alex Wilber, an owner, asks for help, lists milestones in one card,
 * reports on one of them through it; the report is in the API and survives a restart; the weekly
 * check-in reaches him as one card.
 */
class OwnerReportsThroughTeamsE2ETest extends PlanpulsE2E {

    @Test
    void an_owner_lists_milestones_reports_through_the_card_and_the_status_survives_a_restart() throws Exception {
        long alex = createOwner("Alex Wilber", "alexw@example.com");
        long med1 = milestoneId("MED-1");
        long nv7 = milestoneId("NV-7");
        assign(med1, alex);
        assign(nv7, alex);
        String chat = playground.personalChatId();

        playground.sendAsUser(chat, "user-id-0", "hjälp");
        var help = playground.awaitBotActivity(a -> a.text() != null && a.text().contains("my milestones"), WAIT);
        assertThat(help.text()).contains("help");

        playground.sendAsUser(chat, "user-id-0", "mina milstolpar");
        var card = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("Ledarskapsakademi"), WAIT);
        assertThat(card.adaptiveCard().toString()).contains("Ledarskapsakademi är inrättad").contains("NV-7")
                .contains("Medarbetare").contains("\"status." + med1 + "\"").contains("\"status." + nv7 + "\"");
        JsonNode data = card.adaptiveCard().path("actions").get(0).path("data");

        Map<String, Object> value = new java.util.HashMap<>(JSON.convertValue(data, Map.class));
        value.put("status." + med1, "IN_PROGRESS");
        value.put("comment." + med1, "Första kullen chefer börjar i mars");
        playground.submitCard(chat, "user-id-0", card.id(), value);

        var receipt = playground.awaitBotActivity(a -> a.isUpdate() && card.id().equals(a.id()), WAIT);
        assertThat(receipt.adaptiveCard().toString()).contains("Reported: ")
                .contains("Första kullen chefer börjar i mars").contains("1 of 2 reported")
                .doesNotContain("\"status." + med1 + "\"").contains("\"status." + nv7 + "\"");
        assertReported(med1);

        app.close();
        app = startService();

        assertReported(med1);
        JsonNode owner = api("GET", "/api/v1/owners/" + alex, null);
        assertThat(owner.path("linkedToTeams").asBoolean()).isTrue();

        int before = playground.activities().size();
        JsonNode run = api("POST", "/api/v1/jobs/weekly-check-in/run", null);
        assertThat(run.path("summary").asText()).startsWith("1 owners prompted, 2 milestones asked about");
        // Alex's client (the playground) is English, so the check-in Planpuls starts is in English too.
        playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("Time for a check-in!"), WAIT);
        Thread.sleep(1_000);
        assertThat(playground.activities().subList(before, playground.activities().size()))
                .as("one card for both milestones").filteredOn(Playground.Activity::isNewBotMessage).hasSize(1);
    }

    private void assertReported(long milestoneId) throws Exception {
        JsonNode detail = api("GET", "/api/v1/milestones/" + milestoneId, null);
        assertThat(detail.path("milestone").path("status").asText()).isEqualTo("in_progress");
        assertThat(detail.path("history")).hasSize(1);
        assertThat(detail.path("history").get(0).path("comment").asText()).isEqualTo("Första kullen chefer börjar i mars");
        assertThat(detail.path("history").get(0).path("reportedBy").asText()).isEqualTo("Alex Wilber");
    }
}
