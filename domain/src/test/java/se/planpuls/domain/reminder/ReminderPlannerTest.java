package se.planpuls.domain.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;

class ReminderPlannerTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();
    private static final ReminderPlanner PLANNER = new ReminderPlanner(SE);
    private static final ReminderPolicy POLICY = ReminderPolicy.DEFAULT;
    private static final long OWNER = 7;
    private static final long LEAD = 8;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant at(String isoDate) {
        return d(isoDate).atTime(8, 30).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static Owner owner(long id, LocalDate leaveUntil, LocalDate snoozeUntil) {
        return new Owner(id, "O" + id, id + "@example.com", null, null, false, Instant.EPOCH, null, null, leaveUntil,
                snoozeUntil);
    }

    private static final Map<Long, Owner> PRESENT = Map.of(OWNER, owner(OWNER, null, null), LEAD, owner(LEAD, null, null));

    private static Milestone milestone(LocalDate dueDate, int dueYear, boolean uncertain) {
        return new Milestone(1, 1, 1, 1, "DIG-1", "A milestone", "d", "r", dueYear, dueDate, uncertain, OWNER);
    }

    private static MilestoneFacts facts(Milestone m, Instant lastReport, SentReminder... sent) {
        return new MilestoneFacts(m, false, lastReport, LEAD, List.of(sent));
    }

    private static SentReminder sent(ReminderKey key, String isoDate) {
        return new SentReminder(key, at(isoDate));
    }

    private static List<DueReminder> due(String today, MilestoneFacts facts) {
        return PLANNER.due(d(today), POLICY, List.of(facts), PRESENT);
    }

    private static List<ReminderKey> keys(String today, MilestoneFacts facts) {
        return due(today, facts).stream().map(DueReminder::key).toList();
    }

    // A due date that keeps the annual review and the summer out of the way: Friday 16 October 2026.
    private static final Milestone OCTOBER = milestone(d("2026-10-16"), 2026, false);
    // Reported on the first of each month so that the monthly check-in stays quiet in these tests.
    private static final Instant REPORTED_OCT_1 = at("2026-10-01");

    private static ReminderKey deadline(int step) {
        return new ReminderKey(1, ReminderKind.DEADLINE, d("2026-10-16"), step);
    }

    @Test
    void deadline_reminders_go_out_20_10_5_and_1_working_days_before_the_due_date() {
        var reported = facts(OCTOBER, at("2026-09-14"));
        assertThat(keys("2026-09-17", reported)).isEmpty();
        assertThat(keys("2026-09-18", reported)).containsExactly(deadline(20));
        var reportedOct = facts(OCTOBER, REPORTED_OCT_1);
        assertThat(keys("2026-10-02", reportedOct)).containsExactly(deadline(10));
        assertThat(keys("2026-10-09", reportedOct)).containsExactly(deadline(5));
        assertThat(keys("2026-10-15", reportedOct)).containsExactly(deadline(1));
        assertThat(due("2026-10-15", reportedOct).get(0).plannedFor()).isEqualTo(d("2026-10-15"));
        assertThat(due("2026-10-15", reportedOct).get(0).recipientOwnerId()).isEqualTo(OWNER);
    }

    @Test
    void a_missed_run_catches_up_with_the_latest_step_only() {
        // Nothing ran between 1 and 12 October: the 10-day and 5-day steps both passed; only the 5-day one is due.
        assertThat(keys("2026-10-12", facts(OCTOBER, REPORTED_OCT_1))).containsExactly(deadline(5));
    }

    @Test
    void an_overdue_reminder_goes_out_on_the_first_working_day_after_the_due_date() {
        var overdue = new ReminderKey(1, ReminderKind.OVERDUE, d("2026-10-16"), 0);
        assertThat(keys("2026-10-16", facts(OCTOBER, REPORTED_OCT_1))).containsExactly(deadline(1));
        assertThat(keys("2026-10-19", facts(OCTOBER, REPORTED_OCT_1))).containsExactly(overdue);
    }

    @Test
    void a_due_date_on_a_weekend_counts_its_working_days_from_the_friday_before() {
        var sunday = milestone(d("2026-11-15"), 2026, false);
        var reported = facts(sunday, at("2026-11-02"));

        assertThat(keys("2026-11-13", reported))
                .containsExactly(new ReminderKey(1, ReminderKind.DEADLINE, d("2026-11-15"), 1));
        assertThat(keys("2026-11-16", reported))
                .containsExactly(new ReminderKey(1, ReminderKind.OVERDUE, d("2026-11-15"), 0));
    }

    @Test
    void a_due_year_means_the_31st_of_december_whose_last_reminder_comes_before_christmas() {
        var yearOnly = milestone(null, 2026, false);
        var reported = facts(yearOnly, at("2026-12-01"));

        // 31 Dec, 24-26 Dec are not working days: one working day before 31 Dec 2026 is Wednesday 30 Dec.
        assertThat(keys("2026-12-30", reported))
                .containsExactly(new ReminderKey(1, ReminderKind.DEADLINE, d("2026-12-31"), 1));
        // Five working days before: 30, 29, 28, 23, 22 December.
        assertThat(keys("2026-12-22", reported))
                .containsExactly(new ReminderKey(1, ReminderKind.DEADLINE, d("2026-12-31"), 5));
    }

    @Test
    void a_milestone_with_an_uncertain_date_gets_no_deadline_reminders() {
        var uncertain = milestone(d("2026-10-16"), 2026, true);

        assertThat(keys("2026-10-15", facts(uncertain, REPORTED_OCT_1))).isEmpty();
        assertThat(keys("2026-10-19", facts(uncertain, at("2026-10-12")))).isEmpty();
    }

    @Test
    void a_reached_milestone_gets_nothing() {
        var reached = new MilestoneFacts(OCTOBER, true, REPORTED_OCT_1, LEAD, List.of());

        assertThat(PLANNER.due(d("2026-10-15"), POLICY, List.of(reached), PRESENT)).isEmpty();
    }

    @Test
    void nothing_goes_out_on_a_weekend_or_a_public_holiday() {
        assertThat(keys("2026-10-10", facts(OCTOBER, REPORTED_OCT_1))).isEmpty();
        assertThat(keys("2026-12-24", facts(milestone(null, 2026, false), at("2026-12-01")))).isEmpty();
    }

    @Test
    void the_annual_review_asks_15_and_5_working_days_before_the_last_working_day_of_january() {
        var later = milestone(d("2027-09-30"), 2027, false);
        var reported = facts(later, at("2027-01-04"));
        // The review of 2027 is Friday 29 January; 15 working days before it is Friday 8 January (6 Jan is red).
        var review15 = new ReminderKey(1, ReminderKind.REVIEW, d("2027-01-29"), 15);
        var review5 = new ReminderKey(1, ReminderKind.REVIEW, d("2027-01-29"), 5);

        assertThat(keys("2027-01-07", reported)).isEmpty();
        assertThat(keys("2027-01-08", reported)).containsExactly(review15);
        assertThat(keys("2027-01-22", reported)).containsExactly(review5);
        assertThat(keys("2027-02-01", facts(later, at("2027-01-25")))).isEmpty();
    }

    @Test
    void a_plan_may_set_its_own_review_date_which_moves_back_to_a_working_day() {
        var policy = new ReminderPolicy(List.of(), true, java.time.MonthDay.of(3, 15), List.of(5), 0, 14, 5, 10, null);

        // 15 March 2026 is a Sunday: the review is Friday 13 March, and 5 working days before it Friday 6 March.
        assertThat(policy.reviewDate(2026, SE)).isEqualTo(d("2026-03-13"));
        var m = milestone(d("2026-10-16"), 2026, false);
        assertThat(PLANNER.due(d("2026-03-06"), policy, List.of(facts(m, null)), PRESENT))
                .extracting(DueReminder::key)
                .containsExactly(new ReminderKey(1, ReminderKind.REVIEW, d("2026-03-13"), 5));
    }

    @Test
    void the_review_of_a_year_is_held_on_the_next_januarys_review_date_or_that_years_own_when_it_falls_late() {
        // 29 January 2027 is a Friday, the last working day of that January.
        assertThat(ReminderPolicy.DEFAULT.reviewDateOf(2026, SE)).isEqualTo(d("2027-01-29"));
        var august = new ReminderPolicy(List.of(), true, java.time.MonthDay.of(8, 31), List.of(5), 0, 14, 5, 10, null);
        // 31 August 2026 is a Monday: a review in the second half reviews its own year.
        assertThat(august.reviewDateOf(2026, SE)).isEqualTo(d("2026-08-31"));
        assertThat(ReminderPolicy.yearReviewed(august.reviewDateOf(2026, SE))).isEqualTo(2026);
    }

    @Test
    void the_monthly_check_in_goes_out_on_the_first_working_day_unless_reported_in_the_last_14_days() {
        var m = milestone(d("2027-09-30"), 2027, false);
        var checkIn = new ReminderKey(1, ReminderKind.CHECK_IN, d("2026-05-01"), 0);

        // 1 May is a red day; the first working day of May 2026 is Monday 4 May.
        assertThat(keys("2026-04-30", facts(m, at("2026-04-02"), sent(new ReminderKey(1, ReminderKind.CHECK_IN, d("2026-04-01"), 0),
                "2026-04-01")))).isEmpty();
        assertThat(keys("2026-05-04", facts(m, null))).containsExactly(checkIn);
        assertThat(keys("2026-05-04", facts(m, at("2026-04-21")))).isEmpty();
        assertThat(keys("2026-05-04", facts(m, at("2026-04-19")))).containsExactly(checkIn);
    }

    @Test
    void a_check_in_skipped_for_a_recent_report_is_not_sent_later_in_the_month() {
        var m = milestone(d("2027-09-30"), 2027, false);
        // Reported on 24 April, 10 days before the check-in of Monday 4 May.
        var reported = facts(m, at("2026-04-24"));

        assertThat(keys("2026-05-04", reported)).isEmpty();
        assertThat(keys("2026-05-11", reported)).isEmpty();
        assertThat(keys("2026-06-01", reported))
                .containsExactly(new ReminderKey(1, ReminderKind.CHECK_IN, d("2026-06-01"), 0));
    }

    @Test
    void the_quiet_period_postpones_non_urgent_prompts_but_not_urgent_ones() {
        // Due Friday 14 August 2026; the quiet period is 6 July to 2 August.
        var august = milestone(d("2026-08-14"), 2026, false);
        var reported = facts(august, at("2026-07-10"));
        var ten = new ReminderKey(1, ReminderKind.DEADLINE, d("2026-08-14"), 10);
        var five = new ReminderKey(1, ReminderKind.DEADLINE, d("2026-08-14"), 5);

        // The 20-day step (17 July) and the 10-day step (31 July) wait until Monday 3 August.
        assertThat(keys("2026-07-17", reported)).isEmpty();
        assertThat(keys("2026-08-03", reported)).containsExactly(ten);
        assertThat(keys("2026-08-07", reported)).containsExactly(five);

        var july = milestone(d("2026-07-24"), 2026, false);
        assertThat(keys("2026-07-17", facts(july, at("2026-07-10"))))
                .containsExactly(new ReminderKey(1, ReminderKind.DEADLINE, d("2026-07-24"), 5));
    }

    @Test
    void an_unanswered_prompt_gets_one_follow_up_after_5_working_days() {
        var prompted = facts(OCTOBER, at("2026-09-01"), sent(deadline(20), "2026-09-18"));
        var followUp = new ReminderKey(1, ReminderKind.FOLLOW_UP, d("2026-09-18"), 5);

        assertThat(keys("2026-09-24", prompted)).isEmpty();
        assertThat(due("2026-09-25", prompted)).containsExactly(new DueReminder(followUp, OWNER, d("2026-09-25")));
        var followedUp = facts(OCTOBER, at("2026-09-01"), sent(deadline(20), "2026-09-18"), sent(followUp, "2026-09-25"));
        assertThat(keys("2026-09-28", followedUp)).as("one follow-up only").isEmpty();
    }

    @Test
    void after_10_working_days_without_an_answer_the_area_lead_is_told() {
        var prompted = facts(OCTOBER, at("2026-09-01"), sent(deadline(20), "2026-09-18"));
        var missing = new ReminderKey(1, ReminderKind.ESCALATION, d("2026-09-18"), 10);

        assertThat(due("2026-10-02", prompted)).contains(new DueReminder(missing, LEAD, d("2026-10-02")));
        assertThat(due("2026-10-01", prompted)).extracting(DueReminder::key).doesNotContain(missing);
    }

    @Test
    void without_an_area_lead_the_missing_report_is_noted_for_the_leaders_only() {
        var noLead = new MilestoneFacts(OCTOBER, false, at("2026-09-01"), null,
                List.of(sent(deadline(20), "2026-09-18")));
        var missing = new ReminderKey(1, ReminderKind.ESCALATION, d("2026-09-18"), 10);

        assertThat(due("2026-10-02", noLead)).contains(new DueReminder(missing, null, d("2026-10-02")));
    }

    @Test
    void an_answer_after_the_prompt_stops_the_escalation() {
        var answered = facts(OCTOBER, at("2026-09-21"), sent(deadline(20), "2026-09-18"));

        assertThat(keys("2026-09-25", answered)).isEmpty();
        assertThat(keys("2026-10-02", answered)).containsExactly(deadline(10));
    }

    @Test
    void an_owner_on_leave_is_reminded_when_back_with_the_latest_step() {
        var onLeave = Map.of(OWNER, owner(OWNER, d("2026-10-13"), null));
        var f = facts(OCTOBER, REPORTED_OCT_1);

        assertThat(PLANNER.due(d("2026-10-09"), POLICY, List.of(f), onLeave)).isEmpty();
        assertThat(PLANNER.due(d("2026-10-13"), POLICY, List.of(f), onLeave)).isEmpty();
        assertThat(PLANNER.due(d("2026-10-14"), POLICY, List.of(f), onLeave))
                .extracting(DueReminder::key).containsExactly(deadline(5));
    }

    @Test
    void a_snooze_pauses_the_check_in_but_not_the_deadline_reminders() {
        var snoozed = Map.of(OWNER, owner(OWNER, null, d("2026-10-13")));
        var f = facts(OCTOBER, REPORTED_OCT_1);
        var quiet = facts(milestone(null, 2027, false), null);

        assertThat(PLANNER.due(d("2026-10-09"), POLICY, List.of(f), snoozed))
                .extracting(r -> r.key().kind()).containsExactly(ReminderKind.DEADLINE);
        assertThat(PLANNER.due(d("2026-10-01"), POLICY, List.of(quiet), snoozed)).isEmpty();
        assertThat(PLANNER.due(d("2026-10-01"), POLICY, List.of(quiet), PRESENT))
                .extracting(r -> r.key().kind()).containsExactly(ReminderKind.CHECK_IN);
    }

    @Test
    void the_escalation_waits_while_the_owner_is_on_leave() {
        var prompted = facts(OCTOBER, at("2026-09-01"), sent(deadline(20), "2026-09-18"));
        var missing = new ReminderKey(1, ReminderKind.ESCALATION, d("2026-09-18"), 10);
        var away = Map.of(OWNER, owner(OWNER, d("2026-10-05"), null), LEAD, owner(LEAD, null, null));

        assertThat(PLANNER.due(d("2026-10-02"), POLICY, List.of(prompted), away)).isEmpty();
        assertThat(PLANNER.due(d("2026-10-06"), POLICY, List.of(prompted), away))
                .extracting(DueReminder::key).contains(missing);
    }

    @Test
    void a_policy_names_the_field_that_is_wrong() {
        assertThatThrownBy(() -> new ReminderPolicy(List.of(20, 0), true, null, List.of(5), 1, 14, 5, 10, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadlineDays"));
        assertThatThrownBy(() -> new ReminderPolicy(List.of(20), true, null, List.of(5), 5, 14, 5, 10, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("checkInMonths"));
        assertThatThrownBy(() -> new ReminderPolicy(List.of(20), true, null, List.of(5), 1, 14, 5, 5, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("missingAfter"));
        assertThat(new ReminderPolicy(new ArrayList<>(List.of(1, 20, 5)), true, null, List.of(5), 1, 14, 5, 10, null)
                .deadlineDays()).containsExactly(20, 5, 1);
    }

    @Test
    void a_recurring_commitment_is_reminded_before_each_period_ends_and_once_when_a_period_passed_unreported() {
        var quarterly = new Milestone(2, 1, 1, 2, "S-8", "Nyhetsbrev minst fyra gånger per år", "d", "r", 2026,
                null, false, OWNER, se.planpuls.domain.ItemKind.RECURRING, null,
                se.planpuls.domain.Frequency.QUARTERLY, d("2026-01-01"), 1);
        var reportedInQ3 = new MilestoneFacts(quarterly, false, at("2026-08-10"), LEAD, List.of());
        var reportedInQ4 = new MilestoneFacts(quarterly, false, at("2026-10-05"), LEAD, List.of());
        var neverReported = new MilestoneFacts(quarterly, false, at("2026-06-01"), LEAD, List.of());
        var overdueSent = new MilestoneFacts(quarterly, false, at("2026-06-01"), LEAD,
                List.of(sent(new ReminderKey(2, ReminderKind.OVERDUE, d("2026-09-30"), 0), "2026-10-01")));

        // Q4 ends on 31 December; 17 December is 10 working days before (the Christmas holidays counted).
        assertThat(PLANNER.due(d("2026-12-17"), POLICY, List.of(reportedInQ3), PRESENT))
                .extracting(DueReminder::key)
                .containsExactly(new ReminderKey(2, ReminderKind.DEADLINE, d("2026-12-31"), 10));
        assertThat(PLANNER.due(d("2026-12-17"), POLICY, List.of(reportedInQ4), PRESENT)).isEmpty();
        assertThat(PLANNER.due(d("2026-10-01"), POLICY, List.of(neverReported), PRESENT))
                .extracting(DueReminder::key)
                .containsExactly(new ReminderKey(2, ReminderKind.OVERDUE, d("2026-09-30"), 0));
        // The overdue prompt of 1 October went unanswered: the current period's deadline comes, and the
        // escalation, 10 working days after that prompt, is long due.
        assertThat(PLANNER.due(d("2026-12-17"), POLICY, List.of(overdueSent), PRESENT))
                .extracting(r -> r.key().kind())
                .containsExactlyInAnyOrder(ReminderKind.DEADLINE, ReminderKind.ESCALATION);
    }
}
