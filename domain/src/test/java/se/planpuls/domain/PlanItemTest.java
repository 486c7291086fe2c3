package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanItemTest {

    private static PlanItem quarterly(String lastReport) {
        return new PlanItem(1, 1, "S-8", "Nyhetsbrev minst fyra gånger per år", 2026, null, false, 7L, "Anna",
                lastReport == null ? null : Status.IN_PROGRESS, null,
                lastReport == null ? null : Instant.parse(lastReport + "T10:00:00Z"), false, null,
                ItemKind.RECURRING, Frequency.QUARTERLY, LocalDate.of(2026, 1, 1));
    }

    @Test
    void a_recurring_commitment_is_overdue_when_a_period_passed_without_a_report_not_at_its_year_end() {
        LocalDate october5 = LocalDate.of(2026, 10, 5);

        assertThat(quarterly("2026-06-01").overdue(october5)).isTrue();
        assertThat(quarterly("2026-08-10").overdue(october5)).isFalse();
        assertThat(quarterly(null).overdue(october5)).isTrue();
        assertThat(quarterly("2026-10-02").overdue(october5)).isFalse();
    }

    @Test
    void a_milestone_is_overdue_after_its_due_date_unless_reached() {
        var milestone = new PlanItem(2, 1, "MED-1", "M", 2022, null, false, 7L, "Anna", Status.IN_PROGRESS, null,
                null, false, null, ItemKind.MILESTONE, null, null);

        assertThat(milestone.overdue(LocalDate.of(2023, 1, 2))).isTrue();
        assertThat(milestone.overdue(LocalDate.of(2022, 12, 31))).isFalse();
    }
}
