package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;
import se.planpuls.domain.TimesPerYear;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.Delivery;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;

/** A count-based commitment's reminder is planned from this year's reports in the database and sent once. */
class CountReminderServiceTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();
    // Monday 23 November 2026, 08:30 in Stockholm.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    static long importFourTimesAYear(Fixtures f) {
        var item = new PlanDocument.Item("row 1", "SODRA-4", ItemKind.RECURRING, "Rapportera till ledningsgruppen",
                null, null, 2027, LocalDate.parse("2027-12-31"), false, null, null, null, "anna@example.com", "Anna",
                List.of(), new ItemShapeDoc(null, false, new TimesPerYear(4, null), List.of("ledningsgrupp"), null));
        var area = new PlanDocument.Area("a", "UPP", "Uppföljning", null, List.of(item));
        var doc = new PlanDocument("sodra", "Verksamhetsplan", "Södra sjukvårdsregionen", 2026, 2027, List.of(),
                List.of(new PlanDocument.Group("g", "Uppföljning", List.of(area))), List.of());
        new PlanImportService(f.database, CLOCK).importPlan(doc, Actor.SYSTEM);
        return f.milestone("SODRA-4").milestone().id();
    }

    static void reportOn(Fixtures f, long id, String isoDate) {
        var then = Clock.fixed(LocalDate.parse(isoDate).atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant(),
                WorkingCalendar.ZONE);
        var anna = f.owners.byId(f.milestone("SODRA-4").milestone().ownerId());
        new ReportService(f.database, then).report(new NewReport(id, Status.IN_PROGRESS, "Rapporterat",
                Reporter.owner(anna), "teams", null));
    }

    private static List<ReminderKey> countKeys(ReminderService service, LocalDate day) {
        return service.due(day).stream().map(DueReminder::key).filter(k -> k.kind() == ReminderKind.COUNT).toList();
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_reports_of_at_least_four_by_late_november_bring_one_reminder_of_two_still_needed(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = importFourTimesAYear(f);
            reportOn(f, id, "2025-11-10");
            reportOn(f, id, "2026-02-10");
            reportOn(f, id, "2026-05-12");
            var service = new ReminderService(f.database, CLOCK, SE);
            var expected = new ReminderKey(id, ReminderKind.COUNT, LocalDate.parse("2026-12-31"), 2);

            assertThat(countKeys(service, LocalDate.parse("2026-11-23"))).as("last year's report does not count")
                    .containsExactly(expected);
            var due = service.due(LocalDate.parse("2026-11-23")).stream().filter(r -> r.key().equals(expected))
                    .toList();
            service.sendOnce(due, batch -> Delivery.delivered());

            assertThat(service.log("sent", null)).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(ReminderKind.COUNT));
            assertThat(countKeys(service, LocalDate.parse("2026-11-24"))).as("sent once").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_commitment_whose_minimum_is_met_gets_no_count_reminder(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = importFourTimesAYear(f);
            for (String day : List.of("2026-01-12", "2026-02-10", "2026-03-10", "2026-04-14")) {
                reportOn(f, id, day);
            }
            var service = new ReminderService(f.database, CLOCK, SE);

            assertThat(countKeys(service, LocalDate.parse("2026-11-23"))).isEmpty();
            assertThat(countKeys(service, LocalDate.parse("2026-12-14"))).isEmpty();
        }
    }
}
