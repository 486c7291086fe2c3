package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Status;

/** Real Teams-shaped activities through the real adapter; outgoing calls land on a local connector. */
class BotConversationTest extends BotTestBase {
    @Test
    void help_in_swedish_lists_the_commands() {
        int status = post(teams.message(ANNA, "hjälp"));

        assertThat(status).isEqualTo(202);
        assertThat(lastText()).contains("mina milstolpar").contains("hjälp");
        assertThat(connector.sent().get(0).path("replyToId").asText()).isNotEmpty();
    }

    @Test
    void help_in_english_when_the_client_speaks_english() {
        post(teams.message(ANNA.inEnglish(), "Help!"));

        assertThat(lastText()).contains("How to use Planpuls").contains("my milestones");
    }

    @Test
    void first_message_links_the_owner_by_the_rosters_email_and_stores_the_conversation() {
        post(teams.message(ANNA, "hjälp"));

        var linked = f.owners.byId(anna.id());
        assertThat(linked.teamsUserId()).isEqualTo(ANNA.teamsId());
        assertThat(linked.aadObjectId()).isEqualTo(ANNA_AAD);
        assertThat(f.conversations.personalOf(anna.id())).hasValueSatisfying(ref -> {
            assertThat(ref.conversationId()).isEqualTo(TeamsActivities.personalChat(ANNA));
            assertThat(ref.serviceUrl()).isEqualTo(connector.url());
            assertThat(ref.tenantId()).isEqualTo(TeamsActivities.TENANT);
        });
        assertThat(connector.calls()).anyMatch(c -> c.method().equals("GET") && c.path().contains("/members/"));
    }

    @Test
    void installing_the_bot_welcomes_an_owner_and_stores_the_conversation() {
        int status = post(teams.botAdded(ANNA));

        assertThat(status).isEqualTo(202);
        assertThat(lastText()).contains("Hej Anna Berg").contains("mina milstolpar");
        assertThat(f.conversations.personalOf(anna.id())).isPresent();
    }

    @Test
    void my_milestones_answers_with_one_card_listing_each_with_area_due_and_status_and_a_choice_per_row() {
        post(teams.message(ANNA, "mina milstolpar"));

        List<JsonNode> sent = connector.sent();
        assertThat(sent).hasSize(1);
        JsonNode card = sent.get(0).path("attachments").get(0);
        assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        String list = card.path("content").path("body").toString();
        assertThat(list).contains("Dina milstolpar").contains("MED-1").contains("Ledarskapsakademi är inrättad")
                .contains("Medarbetare").contains("2022").contains("Ingen rapport");
        assertThat(list).contains("DIG-4").contains("2024* (osäkert datum)");
        assertThat(list).contains("Uppnådd").contains("Pågår").contains("Ej påbörjad");
        assertThat(card.path("content").path("actions").get(0).path("data").path("rows"))
                .extracting(r -> r.path("milestoneId").asLong())
                .containsExactlyInAnyOrder(f.milestone("MED-1").milestone().id(), f.milestone("DIG-4").milestone().id());
    }

    @Test
    void a_card_submit_stores_the_report_turns_the_card_into_a_receipt_and_confirms() {
        post(teams.message(ANNA, "hjälp"));
        long med1 = f.milestone("MED-1").milestone().id();
        connector.clear();

        int status = post(teams.submit(ANNA, "card-42", submitValue(med1, "IN_PROGRESS", "Akademin startar i mars")));

        assertThat(status).isEqualTo(202);
        var view = f.milestones.view(med1);
        assertThat(view.currentStatus()).contains(Status.IN_PROGRESS);
        assertThat(view.latest().comment()).isEqualTo("Akademin startar i mars");
        assertThat(view.latest().reporterOwnerId()).isEqualTo(anna.id());
        assertThat(connector.updates()).singleElement().satisfies(update -> {
            assertThat(update.path()).endsWith("/activities/card-42");
            assertThat(update.body().toString()).contains("Rapport mottagen").contains("Akademin startar i mars");
        });
        assertThat(lastText()).contains("MED-1").contains("Pågår");
    }

    @Test
    void submitting_the_same_card_twice_stores_one_report() {
        long med1 = f.milestone("MED-1").milestone().id();
        var value = submitValue(med1, "REACHED", "Klart");

        post(teams.submit(ANNA, "card-7", value));
        post(teams.submit(ANNA, "card-7", value));

        assertThat(f.reports.history(med1)).hasSize(1);
        assertThat(lastText()).contains("redan registrerad");
    }

    @Test
    void a_submit_without_status_is_refused_and_nothing_is_stored() {
        long med1 = f.milestone("MED-1").milestone().id();

        post(teams.submit(ANNA, "card-8", submitValue(med1, null, "glömde status")));

        assertThat(f.reports.history(med1)).isEmpty();
        assertThat(lastText()).contains("Välj en status");
    }

    @Test
    void a_comment_over_2000_characters_is_refused_and_nothing_is_stored() {
        long med1 = f.milestone("MED-1").milestone().id();

        post(teams.submit(ANNA, "card-9", submitValue(med1, "REACHED", "x".repeat(2001))));

        assertThat(f.reports.history(med1)).isEmpty();
        assertThat(lastText()).contains("2001 tecken").contains("högst 2 000");
    }

    @Test
    void a_card_with_a_broken_milestone_id_is_refused_naming_the_problem() {
        post(teams.submit(ANNA, "card-10", Map.of("planpuls", "report", "milestoneId", "DROP TABLE", "status", "REACHED")));
        String refusal = lastText();
        post(teams.submit(ANNA, "card-11", submitValue(987_654, "REACHED", "ok")));

        assertThat(refusal).as("in Swedish throughout").isEqualTo(
                "Jag kunde inte läsa kortet: kortet anger inget giltigt id för en milstolpe. Inget har sparats.");
        assertThat(lastText()).contains("milstolpe som inte finns");
    }

    @Test
    void an_owner_reporting_on_someone_elses_milestone_is_refused() {
        long niv3 = f.milestone("NIV-3").milestone().id();

        post(teams.submit(ANNA, "card-12", submitValue(niv3, "REACHED", "inte min")));

        assertThat(f.reports.history(niv3)).isEmpty();
        assertThat(lastText()).contains("varken ägare till eller ersättare för NIV-3");
    }

    @Test
    void a_user_who_is_no_owner_gets_a_plain_explanation_and_only_the_conversation_is_stored() {
        long med1 = f.milestone("MED-1").milestone().id();

        post(teams.message(STRANGER, "mina milstolpar"));
        String explanation = lastText();
        post(teams.submit(STRANGER, "card-13", submitValue(med1, "REACHED", "hej")));

        assertThat(explanation).contains("hittar dig inte bland milstolpsägarna");
        assertThat(lastText()).contains("inte registrerad som milstolpsägare");
        assertThat(f.reports.history(med1)).isEmpty();
        assertThat(f.owners.all()).hasSize(1);
        assertThat(f.conversations.byId(TeamsActivities.personalChat(STRANGER))).hasValueSatisfying(
                ref -> assertThat(ref.ownerId()).isNull());
    }

    @Test
    void an_unknown_command_is_answered_with_a_pointer_to_help() {
        post(teams.message(ANNA, "gör något roligt"));

        assertThat(lastText()).contains("Jag förstod inte ”gör något roligt”").contains("Så här använder du Planpuls");
    }

    @Test
    void a_group_chat_mention_is_stripped_before_the_command_is_read() {
        post(teams.groupMessage(ANNA, "19:group@thread.v2", "help"));

        assertThat(lastText()).contains("Så här använder du Planpuls");
        assertThat(f.conversations.byId("19:group@thread.v2")).isPresent();
    }

    @Test
    void a_body_that_is_no_activity_is_a_400_and_an_empty_one_too() {
        assertThat(bot.process(null, "{not json").join().status()).isEqualTo(400);
        assertThat(bot.process(null, "").join().status()).isEqualTo(400);
        assertThat(bot.process(null, "{\"text\":\"no type\"}").join().status()).isEqualTo(400);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void the_weekly_check_in_sends_each_linked_owner_one_card_with_a_row_per_open_milestone() {
        post(teams.message(ANNA, "hjälp"));
        f.owner("Bo Ek", "bo@example.com", null);
        f.assign("NIV-3", f.owners.all().get(1));
        connector.clear();

        CheckInSummary summary = bot.sendWeeklyCheckIns().join();

        assertThat(summary).isEqualTo(new CheckInSummary(1, 2, 1, 0));
        List<JsonNode> sent = connector.sent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("attachments").get(0).path("content").toString())
                .contains("Dags för avstämning!").contains("MED-1").contains("DIG-4");
        assertThat(connector.calls()).allMatch(c -> c.path().contains(TeamsActivities.personalChat(ANNA)));
    }
}
