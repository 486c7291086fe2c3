package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Status;

/** The status card's every path: inputs, at risk, effects, the "how was it judged" question, refusals. */
class StatusCardTest extends BotTestBase {

    @Test
    void the_card_shows_due_how_it_is_judged_the_last_report_and_every_input_in_swedish() {
        say(ANNA, "hjälp");
        f.reports.report(new se.planpuls.domain.NewReport(id("MED-1"), Status.IN_PROGRESS, "Upphandling pågår",
                se.planpuls.domain.Reporter.owner(anna), "teams", null));

        post(teams.message(ANNA, "visa MED-1"));

        String card = lastCard().toString();
        assertThat(card).contains("Medarbetare").contains("MED-1 Ledarskapsakademi är inrättad")
                .contains("Ska vara uppnådd").contains("2022").contains("Så bedöms den uppnådd")
                .contains("Enligt RD-beslut").contains("Upphandling pågår").contains("av Anna Berg")
                .contains("Input.Toggle").contains("Risk för försening").contains("Input.Date")
                .contains("Uppnådda effekter på kort sikt").contains("(sys, vsh)");
    }

    @Test
    void an_uncertain_due_date_is_marked_and_the_card_speaks_english_to_an_english_client() {
        post(teams.message(ANNA.inEnglish(), "show SDV"));

        String card = lastCard().toString();
        assertThat(card).contains("DIG-4 SDV infört").contains("2024* (date uncertain)")
                .contains("Description in the plan").doesNotContain("How it is judged reached")
                .contains("The schedule is at risk").contains("Send");
    }

    @Test
    void at_risk_with_an_expected_date_is_stored_and_shown_on_the_receipt() {
        var value = submitValue(id("MED-1"), "IN_PROGRESS", "Försenad upphandling");
        value.put("atRisk", "true");
        value.put("expectedDate", "2027-03-31");

        post(teams.submit(ANNA, "card-1", value));

        var latest = f.milestones.view(id("MED-1")).latest();
        assertThat(latest.atRisk()).isTrue();
        assertThat(latest.expectedDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(connector.updates().get(0).body().toString()).contains("risk för försening, beräknas klar 31 mar 2027");
        assertThat(lastText()).contains("31 mar 2027");
    }

    @Test
    void at_risk_without_a_date_a_past_date_or_a_broken_date_is_refused_and_nothing_stored() {
        var noDate = submitValue(id("MED-1"), "IN_PROGRESS", "x");
        noDate.put("atRisk", "true");
        post(teams.submit(ANNA, "card-2", noDate));
        String missing = lastText();
        var past = new HashMap<>(noDate);
        past.put("expectedDate", "2026-11-01");
        post(teams.submit(ANNA, "card-3", past));
        String inThePast = lastText();
        var broken = new HashMap<>(noDate);
        broken.put("expectedDate", "nästa vecka");
        post(teams.submit(ANNA, "card-4", broken));

        assertThat(missing).contains("ange också ett nytt beräknat klardatum");
        assertThat(inThePast).contains("1 nov 2026 har redan passerat");
        assertThat(lastText()).contains("inte ett datum");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void effects_already_seen_are_stored_with_the_report() {
        var effects = f.milestones.effects(id("MED-1"));
        var value = submitValue(id("MED-1"), "IN_PROGRESS", "Syns redan");
        value.put("effects", effects.get(0).id() + "," + effects.get(2).id());

        post(teams.submit(ANNA, "card-5", value));

        var report = f.milestones.view(id("MED-1")).latest();
        assertThat(f.reports.effectsSeen(report.id())).containsExactly(effects.get(0).id(), effects.get(2).id());
        assertThat(connector.updates().get(0).body().toString()).contains("Uppnådda effekter på kort sikt")
                .contains(effects.get(0).text());
    }

    @Test
    void an_effect_of_another_milestone_is_refused() {
        long foreign = f.milestones.effects(id("NIV-3")).get(0).id();
        var value = submitValue(id("MED-1"), "IN_PROGRESS", "x");
        value.put("effects", String.valueOf(foreign));

        post(teams.submit(ANNA, "card-6", value));

        assertThat(lastText()).contains("effekt som inte hör till milstolpen");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void reporting_reached_without_a_comment_asks_how_it_was_judged_and_stores_nothing_yet() {
        post(teams.submit(ANNA, "card-7", submitValue(id("MED-1"), "REACHED", "")));

        JsonNode question = lastCard();
        assertThat(question.toString()).contains("Vad visar att MED-1").contains("Hoppa över")
                .contains("Så bedöms den uppnådd").contains("Enligt RD-beslut i januari 2021.")
                .doesNotContain("Beskrivning i planen");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
        assertThat(question.path("actions").get(0).path("data").path("cardId").asText()).isEqualTo("card-7");
    }

    @Test
    void answering_the_question_stores_the_report_with_the_answer_and_updates_both_cards() {
        post(teams.submit(ANNA, "card-8", submitValue(id("MED-1"), "REACHED", "")));
        Map<String, Object> answer = answerData(lastCard(), 0);
        answer.put("comment", "Beslut i regiondirektörens ledningsgrupp 12 maj");
        connector.clear();

        post(teams.submit(ANNA, "question-1", answer));

        var latest = f.milestones.view(id("MED-1")).latest();
        assertThat(latest.status()).isEqualTo(Status.REACHED);
        assertThat(latest.comment()).isEqualTo("Beslut i regiondirektörens ledningsgrupp 12 maj");
        assertThat(connector.updates()).extracting(u -> u.path().substring(u.path().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("card-8", "question-1");
        assertThat(lastText()).contains("Uppnådd");
    }

    @Test
    void skipping_the_question_stores_the_report_without_a_comment() {
        post(teams.submit(ANNA, "card-9", submitValue(id("MED-1"), "REACHED", "")));
        Map<String, Object> skip = answerData(lastCard(), 1);

        post(teams.submit(ANNA, "question-2", skip));

        var latest = f.milestones.view(id("MED-1")).latest();
        assertThat(latest.status()).isEqualTo(Status.REACHED);
        assertThat(latest.comment()).isNull();
    }

    @Test
    void an_empty_answer_without_skipping_is_asked_for_again() {
        post(teams.submit(ANNA, "card-10", submitValue(id("MED-1"), "REACHED", "")));
        Map<String, Object> empty = answerData(lastCard(), 0);
        empty.put("comment", "  ");

        post(teams.submit(ANNA, "question-3", empty));

        assertThat(lastText()).contains("Hoppa över").contains("Inget har sparats ännu");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void a_comment_with_markup_is_refused_naming_it() {
        post(teams.submit(ANNA, "card-11", submitValue(id("MED-1"), "IN_PROGRESS", "<script>alert(1)</script>")));

        assertThat(lastText()).contains("HTML-taggar");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void refusals_are_in_english_for_an_english_client() {
        post(teams.submit(ANNA.inEnglish(), "card-12", submitValue(id("MED-1"), null, "no status")));
        String noStatus = lastText();
        post(teams.submit(ANNA.inEnglish(), "card-13", submitValue(id("NIV-3"), "REACHED", "not mine")));

        assertThat(noStatus).contains("Choose a status").contains("Nothing was stored");
        assertThat(lastText()).contains("neither the owner of nor the substitute for NIV-3");
        post(teams.submit(ANNA.inEnglish(), "card-16", Map.of("planpuls", "report", "milestoneId", id("MED-1"),
                "status", "IN_PROGRESS", "atRisk", "perhaps")));
        assertThat(lastText()).isEqualTo("I could not read the card: the risk of delay must be yes or no. Nothing was stored.");
    }

    @Test
    void a_card_that_is_not_ours_or_has_wrong_types_is_refused() {
        post(teams.submit(ANNA, "card-14", Map.of("planpuls", "report", "milestoneId", id("MED-1"),
                "status", "IN_PROGRESS", "comment", 42)));
        String wrongType = lastText();
        post(teams.submit(ANNA, "card-15", Map.of("planpuls", "report", "milestoneId", id("MED-1"),
                "status", "PURPLE")));

        assertThat(wrongType).isEqualTo("Jag kunde inte läsa kortet: kommentaren är inte text. Inget har sparats.");
        assertThat(lastText()).contains("Välj en status");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void the_question_can_be_answered_by_simply_typing_in_the_chat() {
        post(teams.submit(ANNA, "card-20", submitValue(id("MED-1"), "REACHED", "")));

        String thanks = say(ANNA, "Beslutat i regionstyrelsen 3 mars");

        var latest = f.milestones.view(id("MED-1")).latest();
        assertThat(latest.status()).isEqualTo(Status.REACHED);
        assertThat(latest.comment()).isEqualTo("Beslutat i regionstyrelsen 3 mars");
        assertThat(thanks).contains("Tack!").contains("Uppnådd");
        assertThat(connector.updates()).extracting(u -> u.path().substring(u.path().lastIndexOf('/') + 1))
                .contains("card-20");
        assertThat(say(ANNA, "Beslutat i regionstyrelsen 3 mars")).contains("Jag förstod inte");
        assertThat(f.reports.history(id("MED-1"))).hasSize(1);
    }

    @Test
    void typing_skip_stores_the_report_without_a_comment_and_a_command_still_works_meanwhile() {
        post(teams.submit(ANNA.inEnglish(), "card-21", submitValue(id("MED-1"), "REACHED", "")));

        String help = say(ANNA.inEnglish(), "help");
        String stored = say(ANNA.inEnglish(), "skip");

        assertThat(help).contains("How to use Planpuls");
        assertThat(stored).contains("Thank you");
        assertThat(f.milestones.view(id("MED-1")).latest().comment()).isNull();
    }

    @Test
    void answering_through_the_card_after_typing_stores_nothing_twice() {
        post(teams.submit(ANNA, "card-22", submitValue(id("MED-1"), "REACHED", "")));
        Map<String, Object> answer = answerData(lastCard(), 0);
        answer.put("comment", "Via kortet");
        say(ANNA, "Via chatten");

        post(teams.submit(ANNA, "question-22", answer));

        assertThat(f.reports.history(id("MED-1"))).singleElement()
                .satisfies(r -> assertThat(r.comment()).isEqualTo("Via chatten"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answerData(JsonNode questionCard, int action) {
        return new HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                questionCard.path("actions").get(action).path("data"), Map.class));
    }
}
