package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;

class ReportServiceTest {

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_owners_report_becomes_the_milestones_current_status(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();

            var result = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "  Halvvägs  ",
                    Reporter.owner(anna), "bot", null));

            assertThat(result.created()).isTrue();
            var view = f.milestones.view(id);
            assertThat(view.currentStatus()).contains(Status.IN_PROGRESS);
            assertThat(view.latest().comment()).isEqualTo("Halvvägs");
            assertThat(view.latest().reporterName()).isEqualTo("Anna Berg");
            assertThat(view.latest().reportedAt()).isEqualTo(Fixtures.NOW);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void history_keeps_every_report_in_order(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            for (Status s : List.of(Status.NOT_STARTED, Status.IN_PROGRESS, Status.REACHED)) {
                f.reports.report(new NewReport(id, s, s.name(), Reporter.owner(anna), "bot", null));
            }

            assertThat(f.reports.history(id)).extracting(r -> r.status())
                    .containsExactly(Status.NOT_STARTED, Status.IN_PROGRESS, Status.REACHED);
            assertThat(f.milestones.view(id).currentStatus()).contains(Status.REACHED);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_same_submission_twice_stores_one_report(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var report = new NewReport(id, Status.REACHED, "Klart", Reporter.owner(anna), "bot", "card-1:anna");

            var first = f.reports.report(report);
            var second = f.reports.report(report);

            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(second.report().id()).isEqualTo(first.report().id());
            assertThat(f.reports.history(id)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_reports_at_the_same_moment_are_both_kept(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var start = new CountDownLatch(1);
            List<CompletableFuture<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String comment = "parallel " + i;
                runs.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    f.reports.report(new NewReport(id, Status.IN_PROGRESS, comment, Reporter.owner(anna), "bot", null));
                }));
            }
            start.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

            assertThat(f.reports.history(id)).hasSize(8);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void someone_who_is_not_the_owner_is_refused_and_nothing_is_stored(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();

            assertThatThrownBy(() -> f.reports.report(
                    new NewReport(id, Status.REACHED, null, Reporter.owner(bo), "bot", null)))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(f.reports.history(id)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void bad_reports_name_what_was_wrong_and_store_nothing(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();

            assertThatThrownBy(() -> f.reports.report(
                    new NewReport(id, Status.REACHED, "x".repeat(2001), Reporter.owner(anna), "bot", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("comment"));
            assertThatThrownBy(() -> f.reports.report(
                    new NewReport(id, null, "ok", Reporter.owner(anna), "bot", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("status"));
            assertThatThrownBy(() -> f.reports.report(
                    new NewReport(999_999, Status.REACHED, "ok", Reporter.owner(anna), "bot", null)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(f.reports.history(id)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_substitute_reports_on_the_owners_behalf_and_loses_the_right_when_cleared(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var bo = f.owners.nameSubstitute(anna.id(), "Bo.Ek@example.com");

            var result = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "för Anna", Reporter.owner(bo), "bot",
                    null));
            f.owners.clearSubstitute(anna.id());

            assertThat(bo.email()).isEqualTo("bo.ek@example.com");
            assertThat(result.report().onBehalfOfId()).isEqualTo(anna.id());
            assertThat(result.report().reporterOwnerId()).isEqualTo(bo.id());
            assertThatThrownBy(() -> f.reports.report(
                    new NewReport(id, Status.REACHED, "igen", Reporter.owner(bo), "bot", null)))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(f.reports.history(id)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void at_risk_reports_keep_the_expected_date_and_the_effects_seen(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var effects = f.milestones.effects(id);

            var stored = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "sent", Reporter.owner(anna), "bot",
                    null, true, java.time.LocalDate.of(2027, 2, 1), List.of(effects.get(1).id())));

            assertThat(stored.report().atRisk()).isTrue();
            assertThat(stored.report().expectedDate()).isEqualTo(java.time.LocalDate.of(2027, 2, 1));
            assertThat(f.reports.effectsSeen(stored.report().id())).containsExactly(effects.get(1).id());
            assertThat(f.milestones.view(id).latest().expectedDate()).isEqualTo(java.time.LocalDate.of(2027, 2, 1));
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void markup_a_past_expected_date_and_foreign_effects_are_refused_and_nothing_is_stored(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            long foreign = f.milestones.effects(f.milestone("NIV-3").milestone().id()).get(0).id();

            assertThatThrownBy(() -> f.reports.report(new NewReport(id, Status.REACHED, "<b>klart</b>",
                    Reporter.owner(anna), "bot", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("comment.markup"));
            assertThatThrownBy(() -> f.reports.report(new NewReport(id, Status.IN_PROGRESS, "x", Reporter.owner(anna),
                    "bot", null, true, java.time.LocalDate.of(2020, 1, 1), List.of())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expectedDate"));
            assertThatThrownBy(() -> f.reports.report(new NewReport(id, Status.IN_PROGRESS, "x", Reporter.owner(anna),
                    "bot", null, false, null, List.of(foreign))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("effects"));
            assertThat(f.reports.history(id)).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
