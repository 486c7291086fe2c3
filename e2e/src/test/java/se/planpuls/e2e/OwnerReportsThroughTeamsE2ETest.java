package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole product as a Teams user meets it: the service on an H2 file and the Microsoft 365
 * Agents Playground as Teams. Alex Wilber, an owner, asks for help, lists milestones, reports
 * through the card; the report is in the API and survives a restart; the weekly check-in reaches him.
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
        var list = playground.awaitBotActivity(a -> a.text() != null && a.text().contains("Ledarskapsakademi"), WAIT);
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
        // Alex's client (the playground) is English, so the check-in Planpuls starts is in English too.
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("Time for a check-in!"), WAIT);
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
}
