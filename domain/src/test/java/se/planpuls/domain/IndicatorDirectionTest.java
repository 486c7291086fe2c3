package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Över 85 %" is strictly above 85; "minst 90 %" is 90 or more. */
class IndicatorDirectionTest {

    @ParameterizedTest(name = "{1} {0} against {2} (previous {3}): {4}")
    @CsvSource(nullValues = "-", textBlock = """
            at_least, 85,    85, -,  true
            at_least, 84.99, 85, -,  false
            above,    85,    85, -,  false
            above,    85.01, 85, -,  true
            at_most,  10,    10, -,  true
            below,    10,    10, -,  false
            below,    9.5,   10, -,  true
            increase, 78,    -,  77, true
            increase, 77,    -,  77, false
            decrease, 76,    -,  77, true
            above,    -,     85, -,  false
            """)
    void a_target_is_met_by_its_direction_strict_ones_strictly(String direction, BigDecimal latest, BigDecimal target,
                                                                 BigDecimal previous, boolean met) {
        var indicator = new Indicator("%", null, null, target, null, IndicatorDirection.parse(direction).orElseThrow());

        assertThat(indicator.met(latest, previous)).isEqualTo(met);
    }

    @Test
    void the_plans_words_over_and_under_are_the_strict_directions_and_need_a_value() {
        assertThat(IndicatorDirection.parse("över")).contains(IndicatorDirection.ABOVE);
        assertThat(IndicatorDirection.parse("Under")).contains(IndicatorDirection.BELOW);
        assertThat(IndicatorDirection.parse("mer än")).contains(IndicatorDirection.ABOVE);
        assertThat(IndicatorDirection.parse("above")).contains(IndicatorDirection.ABOVE);
        assertThat(IndicatorDirection.parse("lagom")).isEmpty();
        assertThat(IndicatorDirection.ABOVE.apiName()).isEqualTo("above");
        assertThat(new Indicator("%", null, null, null, null, IndicatorDirection.ABOVE).check(""))
                .extracting(ImportException.Problem::field).containsExactly("target");
        assertThat(new Indicator("%", null, null, null, null, null).check(""))
                .extracting(ImportException.Problem::message)
                .containsExactly("direction must be one of at_least, at_most, above, below, increase, decrease");
    }
}
