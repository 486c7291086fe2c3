package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small rules of the leaders' pages: the annual review's CSV cells. */
class LeadershipPagesTest {

    @Test
    void a_csv_cell_is_quoted_and_a_formula_is_defused() {
        assertThat(AnnualReviewCsv.cell("Klart, \"äntligen\"")).isEqualTo("\"Klart, \"\"äntligen\"\"\"");
        assertThat(AnnualReviewCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AnnualReviewCsv.cell("-5 dagar")).startsWith("\"'-");
        assertThat(AnnualReviewCsv.cell(null)).isEmpty();
    }
}
