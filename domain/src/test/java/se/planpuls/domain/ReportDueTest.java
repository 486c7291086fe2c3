package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.calendar.WorkingCalendar;

class ReportDueTest {
    private static final LocalDate PLAN_START = LocalDate.of(2022, 1, 1);

    @Test
    void a_milestone_is_not_yet_due_far_ahead_due_within_thirty_days_and_late_after_its_date() {
        var item = item(ItemKind.MILESTONE, 2026, LocalDate.of(2026, 6, 30), null, null);

        assertThat(ReportDue.assess(item, false, List.of(), PLAN_START, on("2026-03-01")).state())
                .isEqualTo(ReportDue.State.NOT_YET);
        assertThat(ReportDue.assess(item, false, List.of(), PLAN_START, on("2026-06-10")).state())
                .isEqualTo(ReportDue.State.DUE);
        assertThat(ReportDue.assess(item, false, List.of(), PLAN_START, on("2026-07-01")).state())
                .isEqualTo(ReportDue.State.LATE);
    }

    @Test
    void a_milestone_reported_reached_is_done_even_after_its_date() {
        var item = item(ItemKind.MILESTONE, 2025, null, null, null);
        var reports = List.of(at("2025-03-01"), at("2025-11-01"));

        assertThat(ReportDue.assess(item, true, reports, PLAN_START, on("2026-02-01")).state())
                .isEqualTo(ReportDue.State.DONE);
        assertThat(ReportDue.assess(item, false, reports, PLAN_START, on("2026-02-01")).late()).isTrue();
    }

    @Test
    void an_assignment_is_late_once_its_report_back_date_passes_unreported() {
        var item = item(ItemKind.ASSIGNMENT, 2024, LocalDate.of(2024, 6, 30), null, null);

        var assessment = ReportDue.assess(item, false, List.of(), PLAN_START, on("2024-07-01"));

        assertThat(assessment.state()).isEqualTo(ReportDue.State.LATE);
        assertThat(assessment.dueBy()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void a_quarterly_commitment_expects_a_report_each_quarter_and_is_late_when_one_passed_without() {
        var item = item(ItemKind.RECURRING, 2023, null, Frequency.QUARTERLY, LocalDate.of(2022, 1, 1));
        var q1 = at("2022-02-15");
        var q2 = at("2022-05-02");

        var due = ReportDue.assess(item, false, List.of(q1), PLAN_START, on("2022-04-20"));
        var reported = ReportDue.assess(item, false, List.of(q1, q2), PLAN_START, on("2022-05-20"));
        var late = ReportDue.assess(item, false, List.of(q1), PLAN_START, on("2022-07-05"));

        assertThat(due.state()).isEqualTo(ReportDue.State.DUE);
        assertThat(due.periodStart()).isEqualTo(LocalDate.of(2022, 4, 1));
        assertThat(due.dueBy()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(reported.state()).isEqualTo(ReportDue.State.REPORTED);
        assertThat(late.state()).isEqualTo(ReportDue.State.LATE);
        assertThat(late.reportExpected()).isTrue();
    }

    @Test
    void a_commitments_first_period_is_due_not_late_and_nothing_is_expected_before_its_start() {
        var item = item(ItemKind.RECURRING, 2023, null, Frequency.HALF_YEARLY, LocalDate.of(2022, 7, 1));

        assertThat(ReportDue.assess(item, false, List.of(), PLAN_START, on("2022-03-01")).state())
                .isEqualTo(ReportDue.State.NOT_YET);
        assertThat(ReportDue.assess(item, false, List.of(), PLAN_START, on("2022-08-01")).state())
                .isEqualTo(ReportDue.State.DUE);
    }

    @Test
    void a_yearly_commitment_ends_done_or_late_by_its_last_period() {
        var item = item(ItemKind.RECURRING, 2023, null, Frequency.YEARLY, null);
        List<java.time.Instant> reports = new ArrayList<>(List.of(at("2022-10-01")));

        assertThat(ReportDue.assess(item, false, reports, PLAN_START, on("2024-02-01")).state())
                .isEqualTo(ReportDue.State.LATE);
        reports.add(at("2023-12-31"));
        assertThat(ReportDue.assess(item, false, reports, PLAN_START, on("2024-02-01")).state())
                .isEqualTo(ReportDue.State.DONE);
    }

    @Test
    void a_report_late_in_the_evening_counts_on_its_swedish_date() {
        var item = item(ItemKind.RECURRING, 2023, null, Frequency.QUARTERLY, null);
        // 23:30 UTC on 31 March is already 1 April in Stockholm (summer time starts 27 March 2022).
        var report = java.time.Instant.parse("2022-03-31T23:30:00Z");

        assertThat(ReportDue.assess(item, false, List.of(report), PLAN_START, on("2022-04-10")).state())
                .isEqualTo(ReportDue.State.REPORTED);
    }

    private static Milestone item(ItemKind kind, int dueYear, LocalDate dueDate, Frequency frequency, LocalDate starts) {
        return new Milestone(1, 1, 1, 1, "X-1", "X", "", "", dueYear, dueDate, false, null, kind, null, frequency,
                starts, 1);
    }

    private static java.time.Instant at(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static Clock on(String date) {
        return Clock.fixed(LocalDate.parse(date).atTime(12, 0).atZone(WorkingCalendar.ZONE).toInstant(), ZoneId.of("UTC"));
    }
}
