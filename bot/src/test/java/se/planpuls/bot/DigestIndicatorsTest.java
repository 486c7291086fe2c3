package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Digest;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorDirection;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.IndicatorValue;

class DigestIndicatorsTest {
    private static final Indicator HME = new Indicator("index", new BigDecimal("77"), LocalDate.of(2023, 12, 31),
            new BigDecimal("77"), null, IndicatorDirection.AT_LEAST);

    private static Digest digest(List<Digest.IndicatorLine> indicators) {
        return new Digest(1, "Plan", LocalDate.parse("2026-11-23"), Instant.parse("2026-11-16T07:00:00Z"), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                indicators);
    }

    @Test
    void the_leaders_card_shows_each_indicators_latest_value_against_the_target_with_trend_and_sparkline() {
        var values = List.of(new IndicatorValue(1, 9, new BigDecimal("78.5"), null, 1L, "Anna", null, "teams",
                Instant.parse("2026-10-01T08:00:00Z")));
        var withValue = new Digest.IndicatorLine(9, "HME-1", "Medarbetarengagemang", "EM9", "HR",
                new IndicatorProgress(HME, Frequency.YEARLY, values), null);
        var without = new Digest.IndicatorLine(10, "AVI-1", "Attraktiv arbetsgivare", "EM9", "HR",
                new IndicatorProgress(new Indicator("index", null, null, null, null, IndicatorDirection.INCREASE),
                        Frequency.YEARLY, List.of()), null);
        var digest = digest(List.of(withValue, without)).withIndicatorCharts(id -> "https://planpuls.example/plans/1/"
                + "indicators/" + id + "/sparkline.png?key=k");

        String card = ((ObjectNode) DigestCard.of(digest, Texts.swedish(), null, null).getContent()).toString();

        assertThat(card).contains("Indikatorer")
                .contains("**HME-1** Medarbetarengagemang: 78,5 index ↑ · målet nått (mål: minst 77 index)")
                .contains("**AVI-1** Attraktiv arbetsgivare: inget värde ännu (mål: öka jämfört med föregående period)")
                .contains("indicators/9/sparkline.png?key=k");
        String english = ((ObjectNode) DigestCard.of(digest, Texts.english(), null, null).getContent()).toString();
        assertThat(english).contains("78.5 index ↑ · target met (target: at least 77 index)");
    }

    @Test
    void a_value_reported_in_the_week_is_a_change_in_the_headline_and_the_changes_while_an_older_one_is_not() {
        var values = List.of(
                new IndicatorValue(1, 9, new BigDecimal("76"), null, 1L, "Anna Berg", null, "teams",
                        Instant.parse("2026-10-01T08:00:00Z")),
                new IndicatorValue(2, 9, new BigDecimal("78.5"), "Efter enkäten", 1L, "Anna Berg", null, "teams",
                        Instant.parse("2026-11-18T09:00:00Z")));
        var line = new Digest.IndicatorLine(9, "HME-1", "Medarbetarengagemang", "EM9", "Anna Berg",
                new IndicatorProgress(HME, Frequency.YEARLY, values), null);
        var digest = digest(List.of(line));

        String swedish = ((ObjectNode) DigestCard.of(digest, Texts.swedish(), null, null).getContent()).toString();
        String english = ((ObjectNode) DigestCard.of(digest, Texts.english(), null, null).getContent()).toString();

        assertThat(digest.changeCount()).isEqualTo(1);
        assertThat(swedish).contains("1 ändring ·").doesNotContain("Inga ändringar")
                .contains("HME-1 Medarbetarengagemang: nytt värde 78,5 index (Anna Berg, ")
                .contains("”Efter enkäten”").doesNotContain("nytt värde 76");
        assertThat(english).contains("1 change ·").doesNotContain("No changes")
                .contains("HME-1 Medarbetarengagemang: new value 78.5 index (Anna Berg, ");
    }

    @Test
    void a_week_with_neither_a_status_change_nor_a_value_says_no_changes() {
        var old = List.of(new IndicatorValue(1, 9, new BigDecimal("76"), null, 1L, "Anna Berg", null, "teams",
                Instant.parse("2026-10-01T08:00:00Z")));
        var digest = digest(List.of(new Digest.IndicatorLine(9, "HME-1", "Medarbetarengagemang", "EM9", "Anna Berg",
                new IndicatorProgress(HME, Frequency.YEARLY, old), null)));

        String swedish = ((ObjectNode) DigestCard.of(digest, Texts.swedish(), null, null).getContent()).toString();

        assertThat(swedish).contains("Inga ändringar ·").contains("Inga ändringar den här veckan.");
    }

    @Test
    void over_85_percent_reads_as_over_and_85_itself_does_not_meet_it() {
        var above = new Indicator("%", null, null, new BigDecimal("85"), null, IndicatorDirection.ABOVE);
        var at85 = List.of(new IndicatorValue(1, 9, new BigDecimal("85"), null, 1L, "Anna", null, "teams",
                Instant.parse("2026-10-01T08:00:00Z")));
        var digest = digest(List.of(new Digest.IndicatorLine(9, "EM7-SAMARBETE", "Samarbete", "EM7", "FoU",
                new IndicatorProgress(above, Frequency.HALF_YEARLY, at85), null)));

        String swedish = ((ObjectNode) DigestCard.of(digest, Texts.swedish(), null, null).getContent()).toString();
        String english = ((ObjectNode) DigestCard.of(digest, Texts.english(), null, null).getContent()).toString();

        // A first value has no trend arrow, and no gap where it would stand.
        assertThat(swedish).contains("Samarbete: 85 % · målet inte nått (mål: över 85 %)");
        assertThat(english).contains("Samarbete: 85 % · target not met (target: above 85 %)");
    }

    @Test
    void a_plan_without_indicators_has_no_indicator_section() {
        String card = ((ObjectNode) DigestCard.of(digest(List.of()), Texts.swedish(), null, null).getContent()).toString();
        assertThat(card).doesNotContain("Indikatorer");
    }
}
