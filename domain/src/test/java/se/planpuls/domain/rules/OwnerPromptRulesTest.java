package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;
import se.planpuls.domain.calendar.WorkingCalendar;

class OwnerPromptRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final OwnerPromptRules RULES = new OwnerPromptRules(60);

    private static MilestoneView view(LocalDate due, Status status, String reportedOn, boolean atRisk,
                                      LocalDate expected) {
        var milestone = new Milestone(1, 1, 1, 1, "MED-2", "Strategi", "", "Beslut", due.getYear(), due, false, 7L,
                ItemKind.MILESTONE, null, null, null, 1);
        var report = status == null ? null : new StatusReport(1, 1, status, "Läget", 7L, "Alex Wilber", null, "teams",
                LocalDate.parse(reportedOn).atTime(9, 0).atZone(WorkingCalendar.ZONE).toInstant(), atRisk, expected);
        return new MilestoneView(milestone, "MED", "Medarbetare", "Alex Wilber", report);
    }

    @Test
    void an_at_risk_report_whose_expected_date_has_passed_asks_the_owner_for_a_new_date_and_is_stale_too() {
        var flags = RULES.check(view(LocalDate.of(2027, 6, 30), Status.IN_PROGRESS, "2026-06-01", true,
                LocalDate.of(2026, 9, 30)), TODAY);

        assertThat(flags).extracting(f -> f.kind() + " " + f.date()).containsExactly(
                "EXPECTED_DATE_PASSED 2026-09-30", "STALE 2026-06-01");
    }

    @Test
    void not_started_with_the_due_date_within_90_days_is_pointed_out() {
        assertThat(RULES.check(view(LocalDate.of(2027, 2, 28), Status.NOT_STARTED, "2026-12-01", false, null), TODAY))
                .extracting(QualityFlag::kind).containsExactly(QualityFlag.Kind.NOT_STARTED_NEAR_DUE);
        assertThat(RULES.check(view(LocalDate.of(2027, 6, 30), Status.NOT_STARTED, "2026-12-01", false, null), TODAY))
                .isEmpty();
    }

    @Test
    void a_fresh_report_a_reached_milestone_and_no_report_at_all_point_out_nothing() {
        assertThat(RULES.check(view(LocalDate.of(2027, 6, 30), Status.IN_PROGRESS, "2026-11-30", false, null), TODAY))
                .isEmpty();
        assertThat(RULES.check(view(LocalDate.of(2025, 6, 30), Status.REACHED, "2025-01-01", false, null), TODAY))
                .isEmpty();
        assertThat(RULES.check(view(LocalDate.of(2027, 6, 30), null, null, false, null), TODAY)).isEmpty();
    }

    @Test
    void the_plans_stale_days_decide_and_must_be_sensible() {
        var report = view(LocalDate.of(2027, 6, 30), Status.IN_PROGRESS, "2026-10-01", false, null);

        assertThat(RULES.check(report, TODAY)).extracting(QualityFlag::kind).containsExactly(QualityFlag.Kind.STALE);
        assertThat(new OwnerPromptRules(120).check(report, TODAY)).isEmpty();
        assertThatThrownBy(() -> new OwnerPromptRules(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
