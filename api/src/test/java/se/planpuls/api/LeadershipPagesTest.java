package se.planpuls.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small rules of the leaders' pages: CSV cells, word wrap in map boxes, the public URL setting. */
class LeadershipPagesTest {

    @Test
    void a_csv_cell_is_quoted_and_a_formula_is_defused() {
        assertThat(AnnualReviewController.cell("Klart, \"äntligen\"")).isEqualTo("\"Klart, \"\"äntligen\"\"\"");
        assertThat(AnnualReviewController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AnnualReviewController.cell("-5 dagar")).startsWith("\"'-");
        assertThat(AnnualReviewController.cell(null)).isEmpty();
    }

    @Test
    void the_public_url_is_checked_and_used_for_links() {
        var config = Config.fromEnvironment(Map.of("PLANPULS_PUBLIC_URL", "https://planpuls.region.se/"));
        assertThat(config.baseUrl(3978)).isEqualTo("https://planpuls.region.se");
        assertThat(Config.fromEnvironment(Map.of()).baseUrl(4000)).isEqualTo("http://localhost:4000");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PLANPULS_PUBLIC_URL", "planpuls.se")))
                .isInstanceOf(Config.InvalidConfigException.class).hasMessageContaining("PLANPULS_PUBLIC_URL");
    }
}
