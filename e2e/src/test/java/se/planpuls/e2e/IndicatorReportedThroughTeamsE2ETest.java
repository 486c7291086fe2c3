package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An indicator's owner in Teams (the Agents Playground): Alex Wilber reports the employee-engagement
 * index by chat and by the card's number field; each value is stored with a receipt, and a value
 * that is not a number, in the wrong unit or out of range is refused with the reason and nothing stored.
 */
class IndicatorReportedThroughTeamsE2ETest extends PlanpulsE2E {

    @Test
    void an_owner_reports_an_indicator_value_by_chat_and_by_card_and_a_bad_value_is_refused() throws Exception {
        long alex = createOwner("Alex Wilber", "alexw@example.com");
        long planId = api("GET", "/api/v1/plans", null).get(0).path("id").asLong();
        long hme = api("POST", "/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"MED\","
                + "\"code\":\"HME-1\",\"kind\":\"indicator\",\"title\":\"Hållbart medarbetarengagemang (HME)\","
                + "\"dueYear\":2027,\"frequency\":\"yearly\",\"ownerId\":" + alex + ",\"indicator\":{\"unit\":\"index\","
                + "\"baseline\":77,\"baselineDate\":\"2025-12-31\",\"target\":80,\"direction\":\"at_least\"}}")
                .path("milestone").path("id").asLong();
        long share = api("POST", "/api/v1/milestones", "{\"planId\":" + planId + ",\"areaCode\":\"MED\","
                + "\"code\":\"SVAR-1\",\"kind\":\"indicator\",\"title\":\"Svarsfrekvens i medarbetarenkäten\","
                + "\"dueYear\":2027,\"frequency\":\"yearly\",\"ownerId\":" + alex + ",\"indicator\":{\"unit\":\"%\","
                + "\"target\":90,\"direction\":\"at_least\"}}").path("milestone").path("id").asLong();
        String chat = playground.personalChatId();

        // By chat, with a decimal comma and a comment; the playground's client is English.
        playground.sendAsUser(chat, "user-id-0", "report HME-1 78,5 survey of October");
        var saved = awaitText("now has the value 78.5 index");
        assertThat(saved.text()).contains("↑").contains("target not met").contains("at least 80 index");
        playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("The value 78.5 index is stored"), WAIT);
        JsonNode values = values(hme);
        assertThat(values).hasSize(1);
        assertThat(values.get(0).path("value").decimalValue()).isEqualByComparingTo("78.5");
        assertThat(values.get(0).path("comment").asText()).isEqualTo("survey of October");
        assertThat(values.get(0).path("reportedBy").asText()).isEqualTo("Alex Wilber");

        // Bad values by chat: each refused with its reason, nothing stored.
        playground.sendAsUser(chat, "user-id-0", "report HME-1 seventy");
        assertThat(awaitText("is not a number").text()).contains("\"seventy\"").contains("Nothing was stored");
        playground.sendAsUser(chat, "user-id-0", "report HME-1 79 %");
        assertThat(awaitText("is measured in index").text()).contains("Nothing was stored");
        playground.sendAsUser(chat, "user-id-0", "report SVAR-1 104");
        assertThat(awaitText("does not fit SVAR-1").text()).contains("between 0 and 100").contains("Nothing was stored");
        assertThat(values(hme)).hasSize(1);
        assertThat(values(share)).isEmpty();

        // By card: the owner's card has a number field; the submit turns the card into the receipt.
        playground.sendAsUser(chat, "user-id-0", "report SVAR-1");
        var card = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("\"indicatorValue." + share + "\""), WAIT);
        assertThat(card.adaptiveCard().toString()).contains("Input.Number").contains("Value (%)");
        JsonNode data = card.adaptiveCard().path("body").findValue("actions").get(0).path("data");
        Map<String, Object> bad = new HashMap<>(JSON.convertValue(data, Map.class));
        bad.put("indicatorValue." + share, "-3");
        playground.submitCard(chat, "user-id-0", card.id(), bad);
        assertThat(awaitText("does not fit SVAR-1").text()).contains("Nothing was stored");
        assertThat(values(share)).isEmpty();

        Map<String, Object> good = new HashMap<>(JSON.convertValue(data, Map.class));
        good.put("indicatorValue." + share, "92.5");
        good.put("indicatorComment." + share, "more answers this year");
        playground.submitCard(chat, "user-id-0", card.id(), good);
        var receipt = playground.awaitBotActivity(a -> a.isUpdate() && card.id().equals(a.id()), WAIT);
        assertThat(receipt.adaptiveCard().toString()).contains("The value 92.5 % is stored")
                .contains("more answers this year").doesNotContain("Input.Number");
        assertThat(awaitText("now has the value 92.5 %").text()).contains("target met");
        assertThat(values(share)).hasSize(1);
        assertThat(values(share).get(0).path("value").decimalValue()).isEqualByComparingTo("92.5");
    }

    private JsonNode values(long id) throws Exception {
        return api("GET", "/api/v1/milestones/" + id, null).path("milestone").path("indicator").path("values");
    }
}
