package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneFilter;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;

class MilestoneServiceTest {
    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_owners_prompt_points_out_a_stale_report_by_the_plans_own_stale_days(TestDatabases.Kind kind)
            throws Exception {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            f.assign("MED-1", anna);
            new LeadershipFixture(f).report("MED-1", anna, se.planpuls.domain.Status.IN_PROGRESS, "Pågår",
                    "2026-09-01T08:00:00Z");
            var view = f.milestone("MED-1");
            var today = java.time.LocalDate.of(2026, 11, 22);

            var byDefault = f.milestones.ownerFlags(view, today);
            var reminders = new ReminderService(f.database, f.clock, se.planpuls.domain.calendar.WorkingCalendar.sweden());
            reminders.savePolicy(f.planId, ReminderPolicyJson.read(
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"staleAfterDays\":90}"),
                    reminders.policy(f.planId)));

            assertThat(byDefault).extracting(q -> q.kind() + " " + q.date()).containsExactly("STALE 2026-09-01");
            assertThat(f.milestones.ownerFlags(view, today)).as("82 days old, 90 allowed").isEmpty();
        }
    }


    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void search_filters_by_text_area_owner_and_status(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long med1 = f.assign("MED-1", anna).milestone().id();
            f.assign("DIG-4", anna);
            f.reports.report(new NewReport(med1, Status.REACHED, null, Reporter.owner(anna), "api", null));

            assertThat(f.milestones.search(new MilestoneFilter("vårdutbudskarta", null, null, null)))
                    .extracting(v -> v.milestone().code()).containsExactly("NIV-3");
            assertThat(f.milestones.search(new MilestoneFilter(null, "dig", null, null))).hasSize(4);
            assertThat(f.milestones.search(new MilestoneFilter(null, null, anna.id(), null)))
                    .extracting(v -> v.milestone().code()).containsExactlyInAnyOrder("MED-1", "DIG-4");
            assertThat(f.milestones.search(new MilestoneFilter(null, null, null, "reached")))
                    .extracting(v -> v.milestone().code()).containsExactly("MED-1");
            assertThat(f.milestones.search(new MilestoneFilter(null, null, null, "unreported"))).hasSize(33);
            assertThat(f.milestones.search(new MilestoneFilter("100%_", null, null, null))).isEmpty();
            assertThatThrownBy(() -> f.milestones.search(new MilestoneFilter(null, null, null, "blue")))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_admin_moves_the_due_date_and_reassigns_the_owner(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.milestone("DIG-4").milestone().id();

            f.milestones.update(id, Fixtures.change(anna.id(), LocalDate.of(2026, 3, 31)), null, Actor.SYSTEM);
            var moved = f.milestones.view(id);

            assertThat(moved.milestone().ownerId()).isEqualTo(anna.id());
            assertThat(moved.ownerName()).isEqualTo("Anna Berg");
            assertThat(moved.milestone().effectiveDueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(moved.milestone().dueYear()).isEqualTo(2026);
            assertThatThrownBy(() -> f.milestones.update(id, Fixtures.change(424242L, null), null, Actor.SYSTEM))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ownerId"));
            assertThat(f.milestones.view(id).milestone().ownerId()).isEqualTo(anna.id());
        }
    }
}
