package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.NewIndicatorValue;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.Delivery;
import se.planpuls.domain.reminder.DueReminder;

/**
 * An item a group owns: every member is prompted, any member may report, the report names who
 * answered for the group, and once one has answered the others are not prompted for that round.
 */
class GroupOwnerTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();
    // Monday 23 November 2026, 08:30 in Stockholm; the item is due on Monday 30 November.
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), WorkingCalendar.ZONE);

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void every_member_is_prompted_until_one_answers_and_the_report_names_who_answered_for_the_group(
            TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), MONDAY)) {
            long item = importGroupItem(f);
            var groups = new OwnerGroupService(f.database, MONDAY);
            long group = groups.all().get(0).id();
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            var outsider = f.owner("Cia Lund", "cia@example.com", null);
            groups.addMember(group, new OwnerGroupService.NewMember(anna.id(), null, null, null), null, Actor.SYSTEM);
            groups.addMember(group, new OwnerGroupService.NewMember(null, null, "bo@example.com", null), null,
                    Actor.SYSTEM);
            var reminders = new ReminderService(f.database, MONDAY, SE);

            List<DueReminder> monday = ofItem(reminders.due(LocalDate.parse("2026-11-23")), item);
            assertThat(monday).extracting(DueReminder::recipientOwnerId).containsExactlyInAnyOrder(anna.id(), bo.id());
            assertThat(monday).extracting(r -> r.key().memberId()).containsExactlyInAnyOrder(anna.id(), bo.id());
            monday.forEach(r -> assertThat(reminders.sendOnce(r, x -> Delivery.delivered()).name()).isEqualTo("SENT"));
            assertThat(ofItem(reminders.due(LocalDate.parse("2026-11-23")), item)).isEmpty();

            var result = new ReportService(f.database, LATER).report(new NewReport(item, Status.IN_PROGRESS,
                    "Remiss ute", Reporter.owner(bo), "teams", null));

            assertThat(result.report().reporterOwnerId()).isEqualTo(bo.id());
            assertThat(result.report().reporterName()).isEqualTo("Bo Ek");
            assertThat(result.forGroupName()).isEqualTo("förvaltningen");
            assertThat(result.onBehalfOfName()).isNull();
            assertThat(ofItem(reminders.due(LocalDate.parse("2026-11-27")), item))
                    .as("the round is answered: nobody is prompted again before the next one").isEmpty();
            assertThat(f.milestones.reportableBy(anna.id())).extracting(v -> v.milestone().id()).contains(item);
            assertThat(f.milestones.reportableBy(outsider.id())).extracting(v -> v.milestone().id())
                    .doesNotContain(item);
            assertThatThrownBy(() -> f.reports.report(new NewReport(item, Status.REACHED, null,
                    Reporter.owner(outsider), "teams", null))).isInstanceOf(ForbiddenException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void without_an_answer_every_member_gets_the_next_step_too(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), MONDAY)) {
            long item = importGroupItem(f);
            var groups = new OwnerGroupService(f.database, MONDAY);
            long group = groups.all().get(0).id();
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            groups.addMember(group, new OwnerGroupService.NewMember(anna.id(), null, null, null), null, Actor.SYSTEM);
            groups.addMember(group, new OwnerGroupService.NewMember(bo.id(), null, null, null), null, Actor.SYSTEM);
            var reminders = new ReminderService(f.database, MONDAY, SE);
            ofItem(reminders.due(LocalDate.parse("2026-11-23")), item)
                    .forEach(r -> reminders.sendOnce(r, x -> Delivery.delivered()));

            assertThat(ofItem(reminders.due(LocalDate.parse("2026-11-27")), item))
                    .filteredOn(r -> r.key().kind().prompt())
                    .extracting(DueReminder::recipientOwnerId).containsExactlyInAnyOrder(anna.id(), bo.id());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_groups_indicator_is_answered_for_the_round_by_one_members_value(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), MONDAY)) {
            long item = importGroupIndicator(f);
            var groups = new OwnerGroupService(f.database, MONDAY);
            long group = groups.all().get(0).id();
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            var outsider = f.owner("Cia Lund", "cia@example.com", null);
            groups.addMember(group, new OwnerGroupService.NewMember(anna.id(), null, null, null), null, Actor.SYSTEM);
            groups.addMember(group, new OwnerGroupService.NewMember(bo.id(), null, null, null), null, Actor.SYSTEM);
            var reminders = new ReminderService(f.database, MONDAY, SE);
            List<DueReminder> monday = ofItem(reminders.due(LocalDate.parse("2026-11-23")), item);
            assertThat(monday).extracting(DueReminder::recipientOwnerId).containsExactlyInAnyOrder(anna.id(), bo.id());
            monday.forEach(r -> reminders.sendOnce(r, x -> Delivery.delivered()));
            var indicators = new IndicatorService(f.database, LATER);

            var result = indicators.report(new NewIndicatorValue(item, new java.math.BigDecimal("92"), "mätning i november",
                    Reporter.owner(bo), "teams", null));

            assertThat(result.value().reporterOwnerId()).isEqualTo(bo.id());
            assertThat(result.value().onBehalfOfId()).isNull();
            assertThat(ofItem(reminders.due(LocalDate.parse("2026-11-27")), item))
                    .as("one member's value answers the month for the group").isEmpty();
            assertThatThrownBy(() -> indicators.report(new NewIndicatorValue(item, new java.math.BigDecimal("50"), null,
                    Reporter.owner(outsider), "teams", null))).isInstanceOf(ForbiddenException.class);
        }
    }

    private static List<DueReminder> ofItem(List<DueReminder> due, long item) {
        return due.stream().filter(r -> r.key().milestoneId() == item).toList();
    }

    /** A monthly indicator from November 2026 (at least 90 %), owned by the group "förvaltningen". */
    private static long importGroupIndicator(Fixtures f) {
        var item = new PlanDocument.Item("row 2.", "HME-9", ItemKind.INDICATOR, "Andel uppföljda vårdplaner", null,
                null, 2026, null, false, null, se.planpuls.domain.Frequency.MONTHLY, LocalDate.parse("2026-11-01"),
                null, null, List.of(), new ItemShapeDoc(null, false, null, List.of(), "förvaltningen"),
                new se.planpuls.domain.Indicator("%", null, null, new java.math.BigDecimal("90"), null,
                        se.planpuls.domain.IndicatorDirection.AT_LEAST));
        var doc = new PlanDocument("orebro-mal", "Effektmål", "Region Örebro län", 2026, 2026, List.of(),
                List.of(new PlanDocument.Group("row 2.", "Effektmål", List.of(new PlanDocument.Area("row 2.", "MED",
                        "Medarbetare", null, List.of(item))))), List.of());
        long planId = new PlanImportService(f.database, f.clock).importPlan(doc, Actor.SYSTEM).planId();
        return f.milestones.search(new se.planpuls.domain.MilestoneFilter("HME-9", null, null, null)).stream()
                .filter(v -> v.milestone().planId() == planId).findFirst().orElseThrow().milestone().id();
    }

    /** One assignment due on 30 November 2026, owned by the group "förvaltningen" (created by the import). */
    private static long importGroupItem(Fixtures f) {
        var item = new PlanDocument.Item("row 2.", "NR-3", ItemKind.ASSIGNMENT, "Färdplan för slutenvård", null,
                null, 2026, LocalDate.parse("2026-11-30"), false, "Hälso- och sjukvårdsnämnden", null, null, null,
                null, List.of(), new ItemShapeDoc(null, false, null, List.of(), "förvaltningen"));
        var doc = new PlanDocument("orebro", "Uppdrag", "Region Örebro län", 2026, 2026, List.of(),
                List.of(new PlanDocument.Group("row 2.", "Uppdrag", List.of(new PlanDocument.Area("row 2.", "FARD",
                        "Färdplaner", null, List.of(item))))), List.of());
        long planId = new PlanImportService(f.database, f.clock).importPlan(doc, Actor.SYSTEM).planId();
        return f.milestones.search(new se.planpuls.domain.MilestoneFilter("NR-3", null, null, null)).stream()
                .filter(v -> v.milestone().planId() == planId).findFirst().orElseThrow().milestone().id();
    }
}
