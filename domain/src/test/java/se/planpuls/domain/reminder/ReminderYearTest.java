package se.planpuls.domain.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Combinations of prompts over a simulated year: the reminders job runs at 08:30 every day, whatever
 * it finds due is sent (and lands in the sent-log), and between runs the owner reports, goes on
 * leave or snoozes. Each table lists exactly what goes out on which day under the default policy
 * (deadline steps 20, 10, 5 and 1, overdue, the review on the last working day of January with
 * steps 15 and 5, a monthly check-in skipped within 14 days of a report or prompt, a follow-up after
 * 5 and the missing report after 10 working days, the summer quiet period).
 */
class ReminderYearTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();
    private static final long OWNER = 7;
    private static final long LEAD = 8;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A milestone of a plan whose due date has passed: due by the end of 2026. */
    private static final Milestone OVERDUE = new Milestone(1, 1, 1, 1, "MED-2", "Overdue", "d", "r", 2026, null,
            false, OWNER);

    @Test
    void an_overdue_milestone_nobody_reports_on_keeps_getting_the_review_prompts_and_the_check_ins() {
        assertThat(new Year(OVERDUE).prompts("2027-01-01", "2027-12-31")).containsExactly(
                "2027-01-04 overdue",
                "2027-01-08 review 15",
                "2027-01-12 follow-up",
                "2027-01-19 missing report, lead told",
                "2027-01-22 review 5",
                "2027-03-01 check-in",
                "2027-04-01 check-in",
                "2027-05-03 check-in",
                "2027-06-01 check-in",
                "2027-07-01 check-in",
                "2027-08-02 check-in",
                "2027-09-01 check-in",
                "2027-10-01 check-in",
                "2027-11-01 check-in",
                "2027-12-01 check-in");
    }

    @Test
    void a_report_in_between_stops_the_escalation_and_a_report_skips_the_next_check_in() {
        assertThat(new Year(OVERDUE).reportsOn("2027-01-11").reportsOn("2027-03-25")
                .prompts("2027-01-01", "2027-04-30")).containsExactly(
                "2027-01-04 overdue",
                "2027-01-08 review 15",
                "2027-01-22 review 5",
                "2027-01-29 follow-up",
                "2027-02-05 missing report, lead told",
                "2027-03-01 check-in");
    }

    @Test
    void a_snooze_pauses_the_check_ins_but_not_the_overdue_reminder_or_the_review() {
        // The check-ins of February (skipped anyway after the review prompt) and March and April are
        // snoozed; April's comes the day after the snooze ends.
        assertThat(new Year(OVERDUE).snoozes("2027-01-01", "2027-04-15")
                .prompts("2027-01-01", "2027-05-31")).containsExactly(
                "2027-01-04 overdue",
                "2027-01-08 review 15",
                "2027-01-12 follow-up",
                "2027-01-19 missing report, lead told",
                "2027-01-22 review 5",
                "2027-04-16 check-in",
                "2027-05-03 check-in");
    }

    @Test
    void an_owner_back_from_leave_gets_the_overdue_reminder_and_the_next_day_the_latest_review_step() {
        assertThat(new Year(OVERDUE).onLeave("2027-01-01", "2027-01-25")
                .prompts("2027-01-01", "2027-03-31")).containsExactly(
                "2027-01-26 overdue",
                "2027-01-27 review 5",
                "2027-02-02 follow-up",
                "2027-02-09 missing report, lead told",
                "2027-03-01 check-in");
    }

    @Test
    void a_milestone_due_after_the_review_gets_its_deadline_steps_between_the_review_prompts_and_the_check_ins() {
        var february = new Milestone(1, 1, 1, 1, "PCA-5", "Due in February", "d", "r", 2027, d("2027-02-19"),
                false, OWNER);

        assertThat(new Year(february).reportsOn("2027-01-12").reportsOn("2027-02-03").reportsOn("2027-03-10")
                .reaches("2027-05-20").prompts("2026-12-01", "2027-12-31")).containsExactly(
                "2026-12-01 check-in",
                "2026-12-08 follow-up",
                "2026-12-15 missing report, lead told",
                "2027-01-04 check-in",
                "2027-01-08 review 15",
                // Deadline step 20 and review step 5 fall on the same day: the deadline first, the review the next day.
                "2027-01-22 deadline 20",
                "2027-01-25 review 5",
                "2027-01-29 follow-up",
                "2027-02-05 deadline 10",
                "2027-02-12 deadline 5",
                // The follow-up of the 10-day step waits for a day without a prompt.
                "2027-02-15 follow-up",
                "2027-02-18 deadline 1",
                "2027-02-19 missing report, lead told",
                "2027-02-22 overdue",
                "2027-04-01 check-in",
                "2027-04-08 follow-up",
                "2027-04-15 missing report, lead told",
                "2027-05-03 check-in");
    }

    @Test
    void a_recurring_commitment_is_reminded_before_its_period_ends_then_overdue_then_for_the_review() {
        var quarterly = new Milestone(2, 1, 1, 2, "S-8", "Nyhetsbrev", "d", "r", 2027, null, false, OWNER,
                ItemKind.RECURRING, null, Frequency.QUARTERLY, d("2026-10-01"), 1);

        assertThat(new Year(quarterly).reportsOn("2027-02-15").prompts("2026-12-01", "2027-04-30")).containsExactly(
                "2026-12-01 deadline 20",
                "2026-12-08 follow-up",
                "2026-12-15 deadline 10",
                "2026-12-15 missing report, lead told",
                "2026-12-22 deadline 5",
                "2026-12-30 deadline 1",
                "2027-01-04 overdue",
                "2027-01-08 review 15",
                "2027-01-22 review 5");
    }

    /**
     * One milestone and its owner, run day by day. Reports are made at noon, after that day's run;
     * leave and snoozes are set on their first day before the run.
     */
    private static final class Year {
        private final Milestone milestone;
        private final List<LocalDate> reports = new ArrayList<>();
        private LocalDate leaveFrom;
        private LocalDate leaveUntil;
        private LocalDate snoozeFrom;
        private LocalDate snoozeUntil;
        private LocalDate reachedOn;

        Year(Milestone milestone) {
            this.milestone = milestone;
        }

        Year reportsOn(String day) {
            reports.add(d(day));
            return this;
        }

        Year onLeave(String from, String until) {
            leaveFrom = d(from);
            leaveUntil = d(until);
            return this;
        }

        Year snoozes(String from, String until) {
            snoozeFrom = d(from);
            snoozeUntil = d(until);
            return this;
        }

        Year reaches(String day) {
            reachedOn = d(day);
            return this;
        }

        /** What went out, one line per reminder: its day, its kind and step. */
        List<String> prompts(String from, String to) {
            var planner = new ReminderPlanner(SE);
            List<SentReminder> sent = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            Instant lastReport = null;
            for (LocalDate day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) {
                var owner = new Owner(OWNER, "Alex", "alex@example.com", null, null, false, Instant.EPOCH, null, null,
                        set(day, leaveFrom, leaveUntil), set(day, snoozeFrom, snoozeUntil));
                var lead = new Owner(LEAD, "Lead", "lead@example.com", null, null, false, Instant.EPOCH, null, null,
                        null, null);
                boolean reached = reachedOn != null && !day.isBefore(reachedOn);
                var facts = new MilestoneFacts(milestone, reached, lastReport, LEAD, List.copyOf(sent));
                Instant run = day.atTime(8, 30).atZone(WorkingCalendar.ZONE).toInstant();
                for (DueReminder due : planner.due(day, ReminderPolicy.DEFAULT, List.of(facts),
                        Map.of(OWNER, owner, LEAD, lead))) {
                    sent.add(new SentReminder(due.key(), run));
                    lines.add(day + " " + describe(due.key()));
                }
                if (reports.contains(day) || day.equals(reachedOn)) {
                    lastReport = day.atTime(12, 0).atZone(WorkingCalendar.ZONE).toInstant();
                }
            }
            return lines;
        }

        private static LocalDate set(LocalDate day, LocalDate from, LocalDate until) {
            return from != null && !day.isBefore(from) ? until : null;
        }

        private static String describe(ReminderKey key) {
            return switch (key.kind()) {
                case DEADLINE -> "deadline " + key.step();
                case OVERDUE -> "overdue";
                case REVIEW -> "review " + key.step();
                case CHECK_IN -> "check-in";
                case FOLLOW_UP -> "follow-up";
                case ESCALATION -> "missing report, lead told";
                case COUNT -> key.step() + " reports still needed";
            };
        }
    }
}
