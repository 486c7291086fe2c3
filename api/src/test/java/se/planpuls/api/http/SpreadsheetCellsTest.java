package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
    @Test
    void a_cell_a_spreadsheet_would_run_gets_an_apostrophe_and_plain_text_is_left_alone() {
        assertThat(SpreadsheetCells.defuse("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(SpreadsheetCells.defuse("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetCells.defuse("-1")).isEqualTo("'-1");
        assertThat(SpreadsheetCells.defuse("'=x")).isEqualTo("''=x");
        assertThat(SpreadsheetCells.defuse("'tis")).isEqualTo("'tis");
        assertThat(SpreadsheetCells.defuse("Ledarskap")).isEqualTo("Ledarskap");
    }

    @Property(tries = 2000)
    void undo_gives_back_exactly_what_was_defused(@ForAll String text) {
        assertThat(SpreadsheetCells.undo(SpreadsheetCells.defuse(text))).isEqualTo(text);
    }

    @Property(tries = 2000)
    void undo_gives_back_exactly_a_defused_text_prefixed_by_formula_characters(@ForAll @Chars({'=', '+', '-', '@', '\'', '\t'})
                                                                                @StringLength(max = 4) String start,
                                                                                @ForAll String rest) {
        String text = start + rest;
        assertThat(SpreadsheetCells.undo(SpreadsheetCells.defuse(text))).isEqualTo(text);
    }
}
