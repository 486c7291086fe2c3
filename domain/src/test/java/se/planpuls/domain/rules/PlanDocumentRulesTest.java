package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.PlanDocument;

class PlanDocumentRulesTest {

    private static PlanDocument.Item item(String where, String code, String ownerEmail, Integer dueYear) {
        return new PlanDocument.Item(where, code, ItemKind.MILESTONE, "Titel", null, null, dueYear, null, false, null,
                null, null, ownerEmail, null, List.of(new PlanDocument.EffectDoc("Bättre", List.of("inv"))));
    }

    private static PlanDocument plan(String slug, List<PlanDocument.Item> items, List<PlanDocument.Dependency> deps) {
        return new PlanDocument(slug, "Testplan", "Region Test", 2022, 2024, List.of("Bättre hälsa"),
                List.of(new PlanDocument.Group("row 2.", "G", List.of(new PlanDocument.Area("row 2.", "A", "Område",
                        null, items)))), deps);
    }

    @Test
    void a_sound_document_passes() {
        assertThatCode(() -> PlanDocumentRules.check(plan("test-plan",
                List.of(item("row 2.", "M-1", "anna@example.com", 2022), item("row 3.", "M-2", null, 2023)),
                List.of(new PlanDocument.Dependency("row 3.", "M-2", "M-1", null))))).doesNotThrowAnyException();
    }

    @Test
    void every_problem_of_a_csv_file_is_named_by_its_row_and_column() {
        var doc = plan("Not A Slug", List.of(item("row 2.", "M-1", "not-an-email", null), item("row 3.", "M-1", null,
                2023)), List.of(new PlanDocument.Dependency("row 4.depends_on.", "M-1", "X-9", null)));

        assertThatThrownBy(() -> PlanDocumentRules.check(doc))
                .isInstanceOfSatisfying(ImportException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).extracting(p -> p.field() + ": " + p.message())
                        .containsExactly(
                                "slug: slug is required: lower-case letters, digits and '-', at most 100",
                                "row 2.due: a due year or a due date is required",
                                "row 2.owner_email: ownerEmail must be an e-mail address",
                                "row 3.code: item M-1 appears twice",
                                "row 4.depends_on: no item X-9 in the file"));
    }

    @Test
    void a_json_file_is_told_its_property_names_and_an_item_may_not_depend_on_itself() {
        var where = "groups[0].areas[0].milestones[0].";
        var doc = plan("test-plan", List.of(new PlanDocument.Item(where, "M-1", ItemKind.ASSIGNMENT, " ", null, null,
                2024, null, false, null, null, LocalDate.of(2024, 1, 1), null, "x".repeat(201), List.of())),
                List.of(new PlanDocument.Dependency("dependencies[0].", "M-1", "M-1", null)));

        assertThatThrownBy(() -> PlanDocumentRules.check(doc))
                .isInstanceOfSatisfying(ImportException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactly(where + "title", where + "dueDate", where + "startsOn", where + "ownerName",
                                "dependencies[0].dependsOn"));
    }

    @Test
    void an_indicator_is_measured_per_calendar_period_so_it_has_no_count_and_is_never_ongoing() {
        var indicator = new se.planpuls.domain.Indicator("%", null, null, new java.math.BigDecimal("90"), null,
                se.planpuls.domain.IndicatorDirection.AT_LEAST);
        var counted = new PlanDocument.Item("row 2.", "HME-1", ItemKind.INDICATOR, "Andel", null, null, 2024, null,
                false, null, null, null, null, null, List.of(),
                new se.planpuls.domain.ItemShapeDoc(null, false, new se.planpuls.domain.TimesPerYear(4, null), List.of(),
                        null), indicator);
        var ongoing = new PlanDocument.Item("row 3.", "HME-2", ItemKind.INDICATOR, "Andel", null, null, 2024, null,
                false, null, se.planpuls.domain.Frequency.YEARLY, null, null, null, List.of(),
                new se.planpuls.domain.ItemShapeDoc(null, true, null, List.of(), null), indicator);
        var sound = new PlanDocument.Item("row 4.", "HME-3", ItemKind.INDICATOR, "Andel", null, null, 2024, null,
                false, null, se.planpuls.domain.Frequency.YEARLY, null, null, null, List.of(),
                new se.planpuls.domain.ItemShapeDoc("HME-4", false, null, List.of(), "förvaltningen"), indicator);
        var parent = item("row 5.", "HME-4", null, 2024);

        assertThatThrownBy(() -> PlanDocumentRules.check(plan("test-plan", List.of(counted, ongoing, sound, parent),
                List.of()))).isInstanceOfSatisfying(ImportException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).extracting(p -> p.field() + ": " + p.message())
                        .containsExactly(
                                "row 2.frequency: an indicator needs a frequency: monthly, quarterly, half_yearly or yearly",
                                "row 2.times_per_year: only a recurring commitment has timesPerYear",
                                "row 3.ongoing: an indicator is reported by its frequency, not ongoing"));
    }
}
