package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.OwnerChange;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;
import se.planpuls.domain.VersionConflictException;

/** The admin services on H2 and PostgreSQL with the real migrations. */
class AdminServicesTest {
    private static final Actor ADMIN = Actor.api("admin-1");

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_plan_with_all_three_kinds_imports_once_and_exports_as_it_came(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var importer = new PlanImportService(f.database, f.clock);
            var doc = threeKinds("Nyhetsbrev minst fyra gånger per år");

            var first = importer.importPlan(doc, ADMIN);
            var second = importer.importPlan(doc, ADMIN);

            assertThat(first.created()).isEqualTo(3);
            assertThat(second.created() + second.updated()).isZero();
            var exported = new PlanExportService(f.database).export(first.planId());
            assertThat(exported.items()).extracting(PlanDocument.Item::kind)
                    .containsExactly(ItemKind.MILESTONE, ItemKind.ASSIGNMENT, ItemKind.RECURRING);
            assertThat(exported.items().get(2).frequency()).isEqualTo(Frequency.QUARTERLY);
            assertThat(exported.items().get(1).ownerEmail()).isEqualTo("anna@example.com");
            assertThat(exported.dependencies()).extracting(PlanDocument.Dependency::dependsOn).containsExactly("M-1");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_file_with_one_bad_item_writes_nothing(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var importer = new PlanImportService(f.database, f.clock);
            var good = threeKinds("Nyhetsbrev");
            var items = good.groups().get(0).areas().get(0).items();
            var bad = new PlanDocument.Item("row 4.", "R-1", ItemKind.RECURRING, "Nyhetsbrev", null, null, 2023, null,
                    false, null, null, null, null, null, List.of());
            var doc = new PlanDocument(good.slug(), good.name(), good.organisation(), 2022, 2023, good.effectGoals(),
                    List.of(new PlanDocument.Group("row 2.", "G", List.of(new PlanDocument.Area("row 2.", "A", "A",
                            null, List.of(items.get(0), items.get(1), bad))))), good.dependencies());

            assertThatThrownBy(() -> importer.importPlan(doc, ADMIN)).isInstanceOf(ImportException.class)
                    .satisfies(e -> assertThat(((ImportException) e).problems()).extracting(ImportException.Problem::field)
                            .containsExactly("row 4.frequency"));
            assertThat(f.plans.plans()).hasSize(1);
            assertThat(f.owners.all()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_report_from_the_bot_is_audited_with_its_reporter(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();

            f.reports.report(new NewReport(id, Status.IN_PROGRESS, "Halvvägs", Reporter.owner(anna), "bot", null));

            var entries = new AuditService(f.database).find("milestone", id, null, f.clock.instant(), 10, 0).entries();
            assertThat(entries).extracting(e -> e.action()).containsExactly("reassign", "report");
            assertThat(entries.get(1).actor()).isEqualTo("Anna Berg");
            assertThat(entries.get(1).source()).isEqualTo("bot");
            assertThat(entries.get(1).afterJson()).contains("Halvvägs");
            assertThat(new AuditService(f.database).find("milestone", id, null, f.clock.instant().plusSeconds(1), 10, 0)
                    .entries()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void items_change_under_their_version_and_soft_delete_keeps_reports(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var items = f.milestones;
            var created = items.create(f.planId, new ItemInput("DIG", "DIG-R1", ItemKind.RECURRING, "Kvartalsrapport",
                    null, null, 2025, null, null, null, Frequency.QUARTERLY, LocalDate.of(2024, 1, 1), null, false,
                    "ny"), ADMIN);
            var moved = items.update(created.id(), new ItemInput(null, null, null, null, null, null, null,
                    LocalDate.of(2025, 6, 30), null, null, null, null, null, false, "flyttad"), created.version(), ADMIN);

            assertThat(moved.version()).isEqualTo(created.version() + 1);
            assertThat(moved.effectiveDueDate()).isEqualTo(LocalDate.of(2025, 6, 30));
            assertThatThrownBy(() -> items.update(created.id(), new ItemInput(null, null, null, "X", null, null, null,
                    null, null, null, null, null, null, false, null), created.version(), ADMIN))
                    .isInstanceOf(VersionConflictException.class);
            f.reports.report(new NewReport(created.id(), Status.IN_PROGRESS, null, new Reporter(null, "admin"), "api", null));
            items.delete(created.id(), null, "utgår", ADMIN);
            assertThat(f.reports.history(created.id())).hasSize(1);
            assertThat(f.milestones.search(new se.planpuls.domain.MilestoneFilter("DIG-R1", null, null, null))).isEmpty();
            var actions = new AuditService(f.database).find("milestone", created.id(), null, null, 10, 0).entries();
            assertThat(actions).extracting(e -> e.action()).containsExactly("create", "move-due", "report", "delete");
            assertThat(actions.get(1).reason()).isEqualTo("flyttad");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_recurring_commitment_is_late_from_its_stored_history_until_it_is_reported(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var items = f.milestones;
            // Fixtures.NOW is 22 November 2026: the fourth quarter, after a third quarter without a report.
            var item = items.create(f.planId, new ItemInput("DIG", "DIG-R2", ItemKind.RECURRING, "Kvartalsrapport",
                    null, null, 2027, null, null, null, Frequency.QUARTERLY, LocalDate.of(2026, 7, 1), null, false,
                    null), ADMIN);
            var planStart = LocalDate.of(2022, 1, 1);

            var before = se.planpuls.domain.ReportDue.assess(item, f.reports.history(item.id()), planStart, f.clock);
            f.reports.report(new NewReport(item.id(), Status.IN_PROGRESS, null, new Reporter(null, "admin"), "api", null));
            var after = se.planpuls.domain.ReportDue.assess(item, f.reports.history(item.id()), planStart, f.clock);

            assertThat(before.state()).isEqualTo(se.planpuls.domain.ReportDue.State.LATE);
            assertThat(before.dueBy()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(after.state()).isEqualTo(se.planpuls.domain.ReportDue.State.REPORTED);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void erasing_an_owner_keeps_their_reports_as_former_owner(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var admins = f.owners;
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            admins.update(bo.id(), new OwnerChange(null, null, null, null, null, false, "anna@example.com", false),
                    null, ADMIN);
            long id = f.assign("MED-1", anna).milestone().id();
            f.reports.report(new NewReport(id, Status.REACHED, null, Reporter.owner(anna), "bot", null));

            admins.erase(anna.id(), null, ADMIN);

            assertThat(f.reports.history(id)).extracting(r -> r.reporterName()).containsExactly("former owner");
            assertThat(f.owners.byId(anna.id()).email()).doesNotContain("anna");
            assertThat(f.owners.byId(bo.id()).substituteId()).isNull();
            assertThat(f.milestones.view(id).milestone().ownerId()).isNull();
            assertThat(admins.search(null, null)).extracting(o -> o.name()).containsExactly("Bo Ek");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_imports_of_a_new_plan_at_once_give_one_plan_and_at_worst_a_conflict(TestDatabases.Kind kind)
            throws Exception {
        try (var f = new Fixtures(kind.open())) {
            var importer = new PlanImportService(f.database, f.clock);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<String>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        importer.importPlan(threeKinds("Nyhetsbrev"), ADMIN);
                        return "ok";
                    } catch (se.planpuls.domain.InvalidInputException e) {
                        return e.code();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();

            for (var run : runs) {
                assertThat(run.get()).isIn("ok", "slug.taken");
            }
            assertThat(f.plans.plans()).extracting(p -> p.slug()).containsOnlyOnce("test-plan");
        }
    }

    private static PlanDocument threeKinds(String recurringTitle) {
        var milestone = new PlanDocument.Item("row 2.", "M-1", ItemKind.MILESTONE, "Modell", "Finns en modell", null,
                2022, null, false, null, null, null, null, null,
                List.of(new PlanDocument.EffectDoc("Bättre", List.of("inv", "sys"))));
        var assignment = new PlanDocument.Item("row 3.", "U-1", ItemKind.ASSIGNMENT, "Färdplan", "Återkom", null, null,
                LocalDate.of(2024, 6, 30), false, "Nämnden", null, null, "Anna@Example.com", "Anna Berg", List.of());
        var recurring = new PlanDocument.Item("row 4.", "R-1", ItemKind.RECURRING, recurringTitle, null, null, 2023,
                null, false, null, Frequency.QUARTERLY, LocalDate.of(2022, 1, 1), null, null, List.of());
        return new PlanDocument("test-plan", "Testplan", "Region Test", 2022, 2024, List.of("Bättre hälsa"),
                List.of(new PlanDocument.Group("row 2.", "G", List.of(new PlanDocument.Area("row 2.", "A", "Område",
                        null, List.of(milestone, assignment, recurring))))),
                List.of(new PlanDocument.Dependency("row 3.", "U-1", "M-1", null)));
    }
}
