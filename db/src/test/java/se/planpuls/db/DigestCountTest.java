package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Digest;
import se.planpuls.domain.calendar.WorkingCalendar;

/** The digest judges a count-based commitment by its year's reports, as its reminders do, not by the end of the year. */
class DigestCountTest {
    // Monday 23 November 2026, 08:30 in Stockholm: at least four a year calls for three reports by now.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    private static List<String> overdue(Fixtures f) {
        return new DigestService(f.database, CLOCK).digest(f.milestone("SODRA-4").milestone().planId(), null).overdue().stream()
                .map(Digest.Item::code).toList();
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void one_report_of_at_least_four_by_late_november_is_overdue_though_the_year_has_not_ended(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = CountReminderServiceTest.importFourTimesAYear(f);
            CountReminderServiceTest.reportOn(f, id, "2025-12-10");
            CountReminderServiceTest.reportOn(f, id, "2026-03-10");

            assertThat(overdue(f)).containsExactly("SODRA-4");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_reports_by_late_november_are_behind_but_not_overdue(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = CountReminderServiceTest.importFourTimesAYear(f);
            CountReminderServiceTest.reportOn(f, id, "2026-03-10");
            CountReminderServiceTest.reportOn(f, id, "2026-06-10");

            assertThat(overdue(f)).isEmpty();
        }
    }

    // Tuesday 7 December 2027: the commitment's last year ends within the digest's 30 days.
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2027-12-07T07:30:00Z"), WorkingCalendar.ZONE);

    private static List<String> dueSoon(Fixtures f) {
        return new DigestService(f.database, DECEMBER).digest(f.milestone("SODRA-4").milestone().planId(), null)
                .dueSoon().stream().map(Digest.Item::code).toList();
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_commitment_whose_year_has_its_four_reports_is_not_due_as_the_year_ends(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = CountReminderServiceTest.importFourTimesAYear(f);
            for (String day : List.of("2027-02-10", "2027-05-10", "2027-08-10", "2027-11-10")) {
                CountReminderServiceTest.reportOn(f, id, day);
            }

            assertThat(dueSoon(f)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_commitment_still_short_of_its_four_reports_is_due_as_the_year_ends(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = CountReminderServiceTest.importFourTimesAYear(f);
            for (String day : List.of("2027-02-10", "2027-05-10", "2027-08-10")) {
                CountReminderServiceTest.reportOn(f, id, day);
            }

            assertThat(dueSoon(f)).containsExactly("SODRA-4");
        }
    }
}
