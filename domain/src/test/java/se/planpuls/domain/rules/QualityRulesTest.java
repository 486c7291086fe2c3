package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;

class QualityRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static Instant on(String day) {
        return LocalDate.parse(day).atTime(9, 0).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static PlanItem item(Status status, Instant reportedAt, boolean atRisk, LocalDate expected, LocalDate due) {
        return new PlanItem(1, 1, "MED-2", "Strategi", due.getYear(), due, false, 7L, "Alex Wilber", status, null,
                reportedAt, atRisk, expected, null, null, null);
    }

    private static final LocalDate LATER = LocalDate.of(2027, 12, 31);

    @Test
    void a_report_older_than_60_days_on_a_milestone_not_reached_is_stale() {
        var rule = new StaleReportRule(se.planpuls.domain.reminder.ReminderPolicy.DEFAULT_STALE_AFTER_DAYS);

        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-10-07"), false, null, LATER), TODAY))
                .hasValueSatisfying(f -> {
                    assertThat(f.kind()).isEqualTo(QualityFlag.Kind.STALE);
                    assertThat(f.date()).isEqualTo(LocalDate.of(2026, 10, 7));
                });
        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-10-08"), false, null, LATER), TODAY)).isEmpty();
        assertThat(rule.check(item(Status.REACHED, on("2025-01-01"), false, null, LATER), TODAY)).isEmpty();
        assertThat(rule.check(item(null, null, false, null, LATER), TODAY)).as("no report: missing, not stale").isEmpty();
        assertThat(new StaleReportRule(30).check(item(Status.IN_PROGRESS, on("2026-11-01"), false, null, LATER), TODAY))
                .isPresent();
        assertThatThrownBy(() -> new StaleReportRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_at_risk_report_whose_expected_date_has_passed_asks_for_a_new_date() {
        var rule = new ExpectedDatePassedRule();
        var passed = LocalDate.of(2026, 12, 6);

        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-11-01"), true, passed, LATER), TODAY))
                .hasValueSatisfying(f -> assertThat(f.date()).isEqualTo(passed));
        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-11-01"), true, TODAY, LATER), TODAY)).isEmpty();
        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-11-01"), false, passed, LATER), TODAY)).isEmpty();
        assertThat(rule.check(item(Status.REACHED, on("2026-11-01"), true, passed, LATER), TODAY)).isEmpty();
    }

    @Test
    void not_started_within_90_days_of_the_due_date_or_past_it_is_flagged() {
        var rule = new NotStartedNearDueRule(NotStartedNearDueRule.DEFAULT_DAYS);

        assertThat(rule.check(item(Status.NOT_STARTED, on("2026-12-01"), false, null, TODAY.plusDays(90)), TODAY))
                .hasValueSatisfying(f -> assertThat(f.date()).isEqualTo(TODAY.plusDays(90)));
        assertThat(rule.check(item(Status.NOT_STARTED, on("2026-12-01"), false, null, TODAY.minusYears(1)), TODAY))
                .isPresent();
        assertThat(rule.check(item(Status.NOT_STARTED, on("2026-12-01"), false, null, TODAY.plusDays(91)), TODAY))
                .isEmpty();
        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-12-01"), false, null, TODAY), TODAY)).isEmpty();
    }

    @Test
    void a_milestone_once_reached_and_now_back_in_progress_or_not_started_is_reopened() {
        var rule = new ReopenedRule(Set.of(1L));

        assertThat(rule.check(item(Status.IN_PROGRESS, on("2026-12-01"), false, null, LATER)))
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(QualityFlag.Kind.REOPENED));
        assertThat(rule.check(item(Status.NOT_STARTED, on("2026-12-01"), false, null, LATER))).isPresent();
        assertThat(rule.check(item(Status.REACHED, on("2026-12-01"), false, null, LATER))).isEmpty();
        assertThat(new ReopenedRule(Set.of()).check(item(Status.IN_PROGRESS, on("2026-12-01"), false, null, LATER)))
                .isEmpty();
    }
}
