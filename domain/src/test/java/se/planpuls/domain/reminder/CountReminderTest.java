package se.planpuls.domain.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Owner;
import se.planpuls.domain.TimesPerYear;
import se.planpuls.domain.calendar.WorkingCalendar;

/** Count-based commitments ("minst fyra gånger per år") are reminded by how many reports the year still needs. */
class CountReminderTest {
    private static final ReminderPlanner PLANNER = new ReminderPlanner(WorkingCalendar.sweden());
    private static final long OWNER = 7;
    private static final Map<Long, Owner> PRESENT = Map.of(OWNER, new Owner(OWNER, "O", "o@example.com", null, null,
            false, Instant.EPOCH, null, null, null, null));

    private static Instant at(String isoDate) {
        return LocalDate.parse(isoDate).atTime(9, 0).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static Milestone counted(int min, Integer max, boolean ongoing) {
        var shape = new ItemShape(null, ongoing, new TimesPerYear(min, max), List.of(), null);
        return new Milestone(1, 1, 1, 1, "SÖ-3", "Rapportera till ledningsgruppen", "", "", 2027, null, false, OWNER,
                ongoing ? ItemKind.ASSIGNMENT : ItemKind.RECURRING, null, null, null, 1, shape);
    }

    private static MilestoneFacts facts(Milestone m, List<Instant> reports, SentReminder... sent) {
        Instant last = reports.stream().max(Instant::compareTo).orElse(null);
        return new MilestoneFacts(m, false, last, null, List.of(sent), reports);
    }

    private static List<Instant> reports(String dates) {
        return dates == null ? List.of() : Arrays.stream(dates.split(";")).map(String::strip).map(CountReminderTest::at)
                .toList();
    }

    private static List<ReminderKey> keys(String today, MilestoneFacts facts) {
        return PLANNER.due(LocalDate.parse(today), ReminderPolicy.DEFAULT, List.of(facts), PRESENT).stream()
                .map(DueReminder::key).toList();
    }

    private static ReminderKey count(String yearEnd, int left) {
        return new ReminderKey(1, ReminderKind.COUNT, LocalDate.parse(yearEnd), left);
    }

    @ParameterizedTest(name = "{0}: min {1} max {2}, reported {3}: {4}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # today    | min | max | reported this year               | reports still needed, or none
            2026-04-07 | 4   | -   | -                                | 4
            2026-04-07 | 4   | -   | 2026-03-10                       | -
            2026-08-03 | 4   | -   | 2026-03-10                       | 3
            2026-09-01 | 4   | -   | 2026-02-10; 2026-05-10           | -
            2026-11-02 | 4   | -   | 2026-02-10; 2026-05-10           | 2
            2026-12-01 | 4   | -   | 2026-02-10; 2026-05-10; 2026-09-01 | 1
            2026-10-01 | 4   | -   | 2026-01-10; 2026-02-10; 2026-03-10; 2026-04-10 | -
            2026-12-15 | 4   | -   | 2026-01-10; 2026-02-10; 2026-03-10; 2026-04-10 | -
            2026-10-01 | 1   | 2   | -                                | -
            2026-12-01 | 1   | 2   | -                                | 1
            2026-12-01 | 1   | 2   | 2026-03-01; 2026-06-01           | -
            2026-12-01 | 1   | 2   | 2026-03-01; 2026-04-01; 2026-06-01 | -
            2026-02-03 | 12  | -   | 2025-12-20                       | 12
            """)
    void a_count_based_commitment_is_reminded_while_short_of_its_pace_or_its_minimum_at_the_end_of_the_year(
            String today, int min, Integer max, String reported, Integer left) {
        var keys = keys(today, facts(counted(min, max, false), reports(reported)));

        if (left == null) {
            assertThat(keys).isEmpty();
        } else {
            assertThat(keys).containsExactly(count("2026-12-31", left));
        }
    }

    @Test
    void one_report_by_mid_july_of_at_least_four_waits_out_the_summer_quiet_period_then_asks_for_three_more() {
        var oneInMarch = facts(counted(4, null, false), reports("2026-03-10"));

        assertThat(keys("2026-07-15", oneInMarch)).isEmpty();
        assertThat(keys("2026-08-03", oneInMarch)).containsExactly(count("2026-12-31", 3));
    }

    @Test
    void each_number_still_needed_is_asked_once_and_a_report_that_leaves_it_behind_brings_the_next() {
        var asked = count("2026-12-31", 2);
        var prompted = facts(counted(4, null, false), reports("2026-02-10; 2026-05-10"), new SentReminder(asked,
                at("2026-11-02")));

        assertThat(keys("2026-11-03", prompted)).isEmpty();
        assertThat(keys("2026-11-04", prompted)).isEmpty();
        // The owner reports once more on 5 November: on pace for three, one still needed in the year's last weeks.
        var answered = facts(counted(4, null, false), reports("2026-02-10; 2026-05-10; 2026-11-05"),
                new SentReminder(asked, at("2026-11-02")));
        assertThat(keys("2026-11-06", answered)).isEmpty();
        assertThat(keys("2026-12-01", answered)).containsExactly(count("2026-12-31", 1));
    }

    @Test
    void a_groups_count_prompt_goes_to_every_member_and_a_later_shortfall_after_one_answered_is_a_new_round() {
        long bea = 8;
        var owners = Map.of(OWNER, PRESENT.get(OWNER), bea, new Owner(bea, "B", "b@example.com", null, null, false,
                Instant.EPOCH, null, null, null, null));
        var shape = new ItemShape(null, false, new TimesPerYear(4, null), List.of(), 99L);
        var group = new Milestone(1, 1, 1, 1, "SÖ-5", "Ledningsgruppen sammanträder", "", "", 2027, null, false, null,
                ItemKind.RECURRING, null, null, null, 1, shape);
        var members = Map.of(1L, List.of(OWNER, bea));
        var two = count("2026-12-31", 2);

        var november = PLANNER.due(LocalDate.parse("2026-11-02"), ReminderPolicy.DEFAULT,
                List.of(facts(group, reports("2026-02-10; 2026-05-10"))), owners, members);
        assertThat(november).extracting(DueReminder::key).containsExactly(two.forMember(OWNER), two.forMember(bea));

        // The owner answered for the group on 5 November; on 1 December one report is still needed.
        var answered = facts(group, reports("2026-02-10; 2026-05-10; 2026-11-05"),
                new SentReminder(two.forMember(OWNER), at("2026-11-02")), new SentReminder(two.forMember(bea),
                        at("2026-11-02")));
        assertThat(PLANNER.due(LocalDate.parse("2026-11-06"), ReminderPolicy.DEFAULT, List.of(answered), owners,
                members)).isEmpty();
        var one = count("2026-12-31", 1);
        assertThat(PLANNER.due(LocalDate.parse("2026-12-01"), ReminderPolicy.DEFAULT, List.of(answered), owners,
                members)).extracting(DueReminder::key).containsExactly(one.forMember(OWNER), one.forMember(bea));
    }

    @Test
    void an_ongoing_item_is_never_reminded_by_count_only_by_the_check_in() {
        var ongoing = facts(counted(4, null, true), reports(null));

        assertThat(keys("2026-11-02", ongoing)).containsExactly(
                new ReminderKey(1, ReminderKind.CHECK_IN, LocalDate.parse("2026-11-01"), 0));
        assertThat(keys("2026-11-03", facts(counted(4, null, true), reports("2026-11-02")))).isEmpty();
    }

    @Test
    void a_count_prompt_and_the_review_prompt_due_on_the_same_day_go_one_a_day_count_first() {
        // Weekly (52 a year), nothing reported by Friday 8 January 2027: the review of 2026 asks that day too.
        var weekly = counted(52, null, false);
        var nothing = facts(weekly, reports(null));
        var review = new ReminderKey(1, ReminderKind.REVIEW, LocalDate.parse("2027-01-29"), 15);

        assertThat(keys("2027-01-08", nothing)).containsExactly(count("2027-12-31", 52));
        var counted = facts(weekly, reports(null), new SentReminder(count("2027-12-31", 52), at("2027-01-08")));
        assertThat(keys("2027-01-11", counted)).containsExactly(review);
    }

    @Test
    void the_year_judged_is_the_current_one_reports_of_last_year_do_not_count() {
        var lastYear = facts(counted(12, null, false), reports("2026-11-10; 2026-12-10"));

        assertThat(keys("2027-02-01", lastYear)).containsExactly(count("2027-12-31", 12));
    }
}
