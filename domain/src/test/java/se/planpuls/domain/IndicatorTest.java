package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IndicatorTest {
    private static final Indicator HME = new Indicator("index", new BigDecimal("77"), LocalDate.of(2023, 12, 31),
            new BigDecimal("80"), LocalDate.of(2025, 12, 31), IndicatorDirection.AT_LEAST);
    private static final Indicator SHARE = new Indicator("procent", null, null, new BigDecimal("90"), null,
            IndicatorDirection.AT_LEAST);

    @Test
    void a_value_is_read_with_a_decimal_comma_or_point_and_the_rest_is_the_comment() {
        assertThat(IndicatorValueText.parse("78", HME)).isEqualTo(new IndicatorValueText.Parsed(new BigDecimal("78"), null));
        assertThat(IndicatorValueText.parse("78,5 bra jobbat", HME).value()).isEqualByComparingTo("78.5");
        assertThat(IndicatorValueText.parse("78,5 bra jobbat", HME).comment()).isEqualTo("bra jobbat");
        assertThat(IndicatorValueText.parse("78.25, enkäten i oktober", HME).comment()).isEqualTo("enkäten i oktober");
    }

    @Test
    void the_indicators_own_unit_may_follow_the_number_and_another_unit_is_refused() {
        assertThat(SHARE.unit()).isEqualTo("%");
        assertThat(IndicatorValueText.parse("92 % fler svar", SHARE).comment()).isEqualTo("fler svar");
        assertThat(IndicatorValueText.parse("92%", SHARE).value()).isEqualByComparingTo("92");
        assertThatThrownBy(() -> IndicatorValueText.parse("92 kr", SHARE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("value.wrongUnit");
                    assertThat(e.field()).isEqualTo("unit");
                });
    }

    @Test
    void text_that_is_not_a_number_and_values_out_of_range_are_refused_naming_the_problem() {
        assertThatThrownBy(() -> IndicatorValueText.parse("sjuttioåtta", HME))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("value.notNumber"));
        assertThatThrownBy(() -> IndicatorValueText.parse("7x8", HME))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("value.notNumber"));
        assertThatThrownBy(() -> IndicatorValueText.parse("101", SHARE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("value.outOfRange");
                    assertThat(e.getMessage()).contains("between 0 and 100");
                });
        var days = new Indicator("dagar", null, null, null, null, IndicatorDirection.DECREASE);
        assertThatThrownBy(() -> IndicatorValueText.parse("-3", days))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("negative"));
        assertThat(IndicatorValueText.parse("-3", new Indicator("poäng", null, null, null, null,
                IndicatorDirection.INCREASE)).value()).isEqualByComparingTo("-3");
    }

    @Test
    void a_definition_names_each_field_it_breaks() {
        var bad = new Indicator(" ", null, LocalDate.of(2024, 1, 1), null, null, IndicatorDirection.AT_MOST);
        assertThat(bad.check("indicator.")).extracting(ImportException.Problem::field)
                .contains("indicator.unit", "indicator.target", "indicator.baseline");
        assertThat(new Indicator("%", new BigDecimal("120"), null, new BigDecimal("90"), null,
                IndicatorDirection.AT_LEAST).check("")).extracting(ImportException.Problem::field).containsExactly("baseline");
        assertThat(HME.check("")).isEmpty();
        assertThat(new Indicator("%", null, null, null, null, IndicatorDirection.INCREASE).check("")).isEmpty();
    }

    @Test
    void the_trend_compares_the_latest_value_with_the_one_before_or_the_baseline() {
        var one = new IndicatorProgress(HME, Frequency.YEARLY, List.of(value(1, "78", "2024-10-01T10:00:00Z")));
        assertThat(one.trend()).isEqualTo(IndicatorProgress.Trend.UP);
        assertThat(one.onTarget()).isFalse();
        var two = new IndicatorProgress(HME, Frequency.YEARLY, List.of(value(2, "81", "2025-10-01T10:00:00Z"),
                value(1, "78", "2024-10-01T10:00:00Z")));
        assertThat(two.trend().arrow()).isEqualTo("↑");
        assertThat(two.onTarget()).isTrue();
        assertThat(two.perPeriod()).containsExactly(
                java.util.Map.entry(LocalDate.of(2024, 1, 1), new BigDecimal("78")),
                java.util.Map.entry(LocalDate.of(2025, 1, 1), new BigDecimal("81")));
        var down = new IndicatorProgress(new Indicator("%", null, null, null, null, IndicatorDirection.INCREASE),
                Frequency.QUARTERLY, List.of(value(1, "60", "2025-02-01T10:00:00Z"), value(2, "58", "2025-05-01T10:00:00Z")));
        assertThat(down.trend()).isEqualTo(IndicatorProgress.Trend.DOWN);
        assertThat(down.onTarget()).isFalse();
        assertThat(IndicatorProgress.periodLabel(Frequency.QUARTERLY, LocalDate.of(2025, 4, 1))).isEqualTo("2025 Q2");
        assertThat(HME.format(new BigDecimal("78.5"), Locale.forLanguageTag("sv-SE"))).isEqualTo("78,5 index");
    }

    @Test
    void an_indicator_is_a_periodic_kind_parsed_in_swedish_or_english() {
        assertThat(ItemKind.parse("indikator")).contains(ItemKind.INDICATOR);
        assertThat(ItemKind.INDICATOR.periodic()).isTrue();
        assertThat(ItemKind.MILESTONE.periodic()).isFalse();
        assertThat(IndicatorDirection.parse("minst")).contains(IndicatorDirection.AT_LEAST);
        assertThat(IndicatorDirection.parse("öka")).contains(IndicatorDirection.INCREASE);
    }

    private static IndicatorValue value(long id, String v, String at) {
        return new IndicatorValue(id, 1, new BigDecimal(v), null, 1L, "Anna", null, "teams", Instant.parse(at));
    }
}
