package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {
    @Test
    void ordinary_swedish_text_with_line_breaks_tabs_and_emoji_is_clean() {
        assertThat(TextRules.clean("Åtgärd 🟢 klar\r\n\tnästa steg")).isTrue();
        assertThat(TextRules.clean(null)).isTrue();
    }

    @Test
    void nul_other_controls_and_half_surrogates_are_forbidden_where_they_stand() {
        assertThat(TextRules.firstForbidden("ab\u0000c")).isEqualTo(2);
        assertThat(TextRules.clean("bell\u0007")).isFalse();
        assertThat(TextRules.clean("delete\u007F")).isFalse();
        assertThat(TextRules.clean("c1\u0085")).isFalse();
        assertThat(TextRules.firstForbidden("x\uD83D")).isEqualTo(1);
        assertThat(TextRules.firstForbidden("\uDE00x")).isZero();
    }
}
