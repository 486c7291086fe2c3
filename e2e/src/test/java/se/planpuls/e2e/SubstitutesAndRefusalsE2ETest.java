package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may change what, through the Agents Playground: a substitute reports on the owner's behalf
 * through the card, and a user who is no owner is refused in a group chat.
 */
class SubstitutesAndRefusalsE2ETest extends PlanpulsE2E {

    @Test
    void a_substitute_reports_through_the_card_on_the_owners_behalf() throws Exception {
        Playground.User megan = playground.user("user-id-1");
        long meganId = createOwner(megan.name(), megan.email());
        long med1 = milestoneId("MED-1");
        assign(med1, meganId);

        sayInGroupAs(playground.groupChatId(), megan, "ersättare alexw@example.com");
        awaitText("alexw@example.com är nu din ersättare");

        String chat = playground.personalChatId();
        playground.sendAsUser(chat, "user-id-0", "mina milstolpar");
        var card = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("Ledarskapsakademi"), WAIT);
        assertThat(card.adaptiveCard().toString()).contains("as substitute for Megan Bowen")
                .contains("\"status." + med1 + "\"");
        Map<String, Object> value = new java.util.HashMap<>(JSON.convertValue(
                card.adaptiveCard().path("actions").get(0).path("data"), Map.class));
        value.put("status." + med1, "IN_PROGRESS");
        value.put("atRisk." + med1, "false");
        value.put("comment." + med1, "Rapporterat åt Megan under hennes semester");
        playground.submitCard(chat, "user-id-0", card.id(), value);

        var receipt = playground.awaitBotActivity(a -> a.isUpdate() && card.id().equals(a.id()), WAIT);
        assertThat(receipt.adaptiveCard().toString()).contains("Reported: ").contains("by Alex Wilber")
                .contains("as substitute for Megan Bowen");
        var history = history(med1);
        assertThat(history).hasSize(1);
        // Named by e-mail as "alexw"; the name Teams shows replaced it when Alex first wrote.
        assertThat(history.get(0).path("reportedBy").asText()).isEqualTo("Alex Wilber");
        assertThat(api("GET", "/api/v1/owners", null)).extracting(o -> o.path("name").asText())
                .contains("Alex Wilber").doesNotContain("alexw");
        assertThat(history.get(0).path("onBehalfOfOwnerId").asLong()).isEqualTo(meganId);
    }

    @Test
    void a_user_who_is_not_the_owner_is_refused_in_a_group_chat_and_nothing_is_stored() throws Exception {
        Playground.User megan = playground.user("user-id-1");
        Playground.User isaiah = playground.user("user-id-2");
        long meganId = createOwner(megan.name(), megan.email());
        long med1 = milestoneId("MED-1");
        assign(med1, meganId);

        sayInGroupAs(playground.groupChatId(), isaiah, "rapportera MED-1 grön Klart, tror jag");

        awaitText("inte registrerad som milstolpsägare");
        assertThat(history(med1)).isEmpty();

        sayInGroupAs(playground.groupChatId(), megan, "rapportera MED-1 gul Vi är igång");
        awaitText("Tack!");
        assertThat(history(med1)).hasSize(1);
        assertThat(history(med1).get(0).path("reportedBy").asText()).isEqualTo("Megan Bowen");
    }
}
