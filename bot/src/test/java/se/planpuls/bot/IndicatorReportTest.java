package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.db.IndicatorService;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorDirection;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;

class IndicatorReportTest extends BotTestBase {
    IndicatorService indicators;
    long hme;
    long share;

    @BeforeEach
    void indicators() {
        indicators = new IndicatorService(f.database, f.clock);
        hme = f.milestones.create(f.planId, new ItemInput("MED", "HME-1", ItemKind.INDICATOR, "Medarbetarengagemang",
                null, null, 2026, null, null, null, Frequency.YEARLY, null, anna.id(), false, null),
                new Indicator("index", new BigDecimal("77"), LocalDate.of(2023, 12, 31), new BigDecimal("80"), null,
                        IndicatorDirection.AT_LEAST), Actor.SYSTEM).id();
        share = f.milestones.create(f.planId, new ItemInput("MED", "SVAR-1", ItemKind.INDICATOR, "Svarsfrekvens",
                null, null, 2026, null, null, null, Frequency.YEARLY, null, anna.id(), false, null),
                new Indicator("%", null, null, new BigDecimal("90"), null, IndicatorDirection.AT_LEAST), Actor.SYSTEM).id();
    }

    @Test
    void an_owner_reports_a_value_with_a_decimal_comma_and_a_comment_and_gets_a_receipt() {
        String answer = say(ANNA, "rapportera HME-1 78,5 enkäten i oktober");

        assertThat(answer).contains("HME-1").contains("78,5 index").contains("↑").contains("målet inte nått");
        var values = indicators.values(hme);
        assertThat(values).hasSize(1);
        assertThat(values.get(0).value()).isEqualByComparingTo("78.5");
        assertThat(values.get(0).comment()).isEqualTo("enkäten i oktober");
        assertThat(values.get(0).reporterName()).isEqualTo("Anna Berg");
    }

    @Test
    void a_bad_number_a_wrong_unit_or_a_value_out_of_range_is_refused_naming_the_problem() {
        assertThat(say(ANNA, "rapportera SVAR-1 åttio")).contains("”åttio” är inte ett tal").contains("Inget har sparats");
        assertThat(say(ANNA, "rapportera SVAR-1 80 kr")).contains("mäts i %").contains("Inget har sparats");
        assertThat(say(ANNA, "rapportera SVAR-1 120")).contains("120").contains("mellan 0 och 100")
                .contains("Inget har sparats");
        assertThat(say(ANNA, "rapportera SVAR-1 80,12345")).contains("fler än fyra decimaler").contains("Inget har sparats");
        assertThat(say(ANNA, "rapportera SVAR-1 grön")).contains("”grön” är inte ett tal");
        assertThat(indicators.values(share)).isEmpty();
        assertThat(f.reports.history(share)).isEmpty();
    }

    @Test
    void the_card_has_a_number_field_whose_submit_stores_the_value_and_becomes_the_receipt() {
        say(ANNA, "rapportera SVAR-1");
        var card = lastCard();
        assertThat(card.toString()).contains("\"type\":\"Input.Number\"").contains("indicatorValue." + share);

        connector.clear();
        Map<String, Object> value = new HashMap<>();
        value.put("planpuls", "indicatorValue");
        value.put("milestoneId", share);
        value.put("indicatorValue." + share, "92.5");
        value.put("indicatorComment." + share, "fler svar i år");
        post(teams.submit(ANNA, "card-1", value));

        assertThat(lastText()).contains("92,5 %").contains("målet nått");
        assertThat(connector.updates()).hasSize(1);
        // Its first value: no trend arrow on the receipt, and no gap where it would stand.
        assertThat(connector.updates().get(0).body().toString()).contains("\"value\":\"92,5 % · målet nått\"");
        assertThat(indicators.values(share)).extracting(v -> v.value().toPlainString()).containsExactly("92.5");
    }

    @Test
    void a_card_value_out_of_range_is_refused_and_nothing_is_stored() {
        Map<String, Object> value = new HashMap<>();
        value.put("planpuls", "indicatorValue");
        value.put("milestoneId", share);
        value.put("indicatorValue." + share, "-4");
        post(teams.submit(ANNA, "card-2", value));

        assertThat(lastText()).contains("mellan 0 och 100").contains("Inget har sparats");
        assertThat(indicators.values(share)).isEmpty();
    }

    @Test
    void showing_an_indicator_gives_its_owner_the_card_with_the_number_field_not_a_status_choice() {
        say(ANNA, "visa HME-1");
        String card = lastCard().toString();
        assertThat(card).contains("Input.Number").contains("indicatorValue." + hme).contains("minst 80 index")
                .doesNotContain("Input.ChoiceSet");
    }

    @Test
    void the_owners_card_of_all_items_asks_an_indicator_for_a_number_and_its_own_submit_stores_it() {
        say(ANNA, "mina milstolpar");
        String card = lastCard().toString();
        assertThat(card).contains("\"indicatorValue." + hme + "\"").contains("\"status." + id("MED-1") + "\"")
                .doesNotContain("\"status." + hme + "\"");
        // Each indicator's row is labelled with its own unit, and a percentage is held to 0-100.
        assertThat(card).contains("Värde (index)").contains("Värde (%)").contains("\"min\":0").contains("\"max\":100");

        connector.clear();
        Map<String, Object> value = new HashMap<>();
        value.put("planpuls", "indicatorValue");
        value.put("milestoneId", hme);
        value.put("indicatorValue." + hme, 79);
        value.put("status." + id("MED-1"), "IN_PROGRESS");
        post(teams.submit(ANNA, "card-3", value));

        assertThat(lastText()).contains("79 index");
        assertThat(indicators.values(hme)).hasSize(1);
        // The number's own submit reports the number only; the other rows wait for the card's submit.
        assertThat(f.milestones.view(id("MED-1")).latest()).isNull();
    }

    @Test
    void a_members_value_on_a_groups_indicator_is_receipted_as_reported_for_the_group_in_swedish_and_english() {
        var bo = f.owner("Bo Ek", "bo.ek@example.com", null);
        var groups = new se.planpuls.db.OwnerGroupService(f.database, f.clock);
        long hr = groups.create("HR-gruppen", Actor.SYSTEM).id();
        groups.addMember(hr, new se.planpuls.db.OwnerGroupService.NewMember(anna.id(), null, null, null), null,
                Actor.SYSTEM);
        groups.addMember(hr, new se.planpuls.db.OwnerGroupService.NewMember(bo.id(), null, null, null), null,
                Actor.SYSTEM);
        long group = f.milestones.create(f.planId, new ItemInput("MED", "HME-9", ItemKind.INDICATOR,
                "Medarbetarengagemang i gruppen", null, null, 2026, null, null, null, Frequency.YEARLY, null, null,
                false, null), new Indicator("index", null, null, new BigDecimal("80"), null,
                IndicatorDirection.AT_LEAST), Actor.SYSTEM).id();
        new se.planpuls.db.ItemShapeService(f.database, f.clock).setShape(group, new se.planpuls.domain.ItemShape(
                null, false, null, java.util.List.of(), hr), null, Actor.SYSTEM);

        String swedish = say(BO, "rapportera HME-9 78");
        String receipt = connector.sent().get(connector.sent().size() - 2).path("attachments").get(0)
                .path("content").toString();

        assertThat(swedish).contains("HME-9").contains("78 index").contains("Du har svarat för gruppen HR-gruppen");
        assertThat(receipt).contains("Värdet 78 index är sparat").contains("av Bo Ek för gruppen HR-gruppen");

        String english = say(ANNA.inEnglish(), "report HME-9 79");
        String englishReceipt = connector.sent().get(connector.sent().size() - 2).path("attachments").get(0)
                .path("content").toString();
        assertThat(english).contains("You answered for the group HR-gruppen");
        assertThat(englishReceipt).contains("by Anna Berg for the group HR-gruppen");
        assertThat(indicators.values(group)).extracting(v -> v.reporterName()).containsExactly("Bo Ek", "Anna Berg");
    }

    @Test
    void an_owners_own_value_is_receipted_without_a_group() {
        say(ANNA, "rapportera HME-1 78");
        String receipt = connector.sent().get(connector.sent().size() - 2).path("attachments").get(0)
                .path("content").toString();

        assertThat(receipt).contains("av Anna Berg").doesNotContain("gruppen");
        assertThat(lastText()).doesNotContain("gruppen");
    }

    @Test
    void someone_else_cannot_report_an_owners_indicator() {
        f.owner("Bo Ek", "bo.ek@example.com", null);
        assertThat(say(BO, "report HME-1 78")).contains("HME-1").contains("varken ägare");
        assertThat(indicators.values(hme)).isEmpty();
    }

    @Test
    void a_status_report_still_works_for_a_milestone() {
        assertThat(say(ANNA, "rapportera MED-1 gul halvvägs")).contains("MED-1");
        assertThat(f.milestones.view(id("MED-1")).currentStatus()).isPresent();
    }
}
