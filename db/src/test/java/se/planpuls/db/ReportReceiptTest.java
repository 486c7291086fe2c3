package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PendingAnswer;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;

/** What a report hands back for its receipt, and what it settles in the same transaction. */
class ReportReceiptTest {

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_report_comes_back_with_the_milestone_after_it_and_the_effects_seen_with_their_texts(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var effects = f.milestones.effects(id);

            var result = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "Halvvägs", Reporter.owner(anna),
                    "bot", "key-1", true, LocalDate.of(2027, 3, 31), List.of(effects.get(1).id())));

            assertThat(result.view().latest()).isEqualTo(result.report());
            assertThat(result.view().ownerName()).isEqualTo("Anna Berg");
            assertThat(result.effectsSeen()).containsExactly(effects.get(1));
            assertThat(result.onBehalfOfName()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_receipt_built_from_the_write_says_what_reading_it_back_says(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var effects = f.milestones.effects(id);
            var report = new NewReport(id, Status.IN_PROGRESS, "Halvvägs", Reporter.owner(anna), "bot", "key-9", true,
                    LocalDate.of(2027, 3, 31), List.of(effects.get(1).id(), effects.get(0).id()));

            var written = f.reports.report(report);
            var readBack = f.reports.report(report);

            assertThat(readBack.created()).isFalse();
            assertThat(written.view()).isEqualTo(readBack.view()).isEqualTo(f.milestones.view(id));
            assertThat(written.report()).isEqualTo(readBack.report())
                    .isEqualTo(f.reports.history(id).get(f.reports.history(id).size() - 1));
            assertThat(written.effectsSeen()).isEqualTo(readBack.effectsSeen())
                    .containsExactly(effects.get(0), effects.get(1));
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_milestones_detail_says_which_effects_each_report_ticked(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var effects = f.milestones.effects(id);
            var first = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "Igång", Reporter.owner(anna),
                    "bot", "key-1", false, null, List.of(effects.get(1).id()))).report();
            var second = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "Mer syns", Reporter.owner(anna),
                    "bot", "key-2", false, null, List.of(effects.get(1).id(), effects.get(0).id()))).report();
            var none = f.reports.report(new NewReport(id, Status.IN_PROGRESS, "Inget nytt", Reporter.owner(anna),
                    "bot", "key-3", false, null, List.of())).report();

            var detail = f.milestones.detail(id);

            var seen = (java.util.function.Function<Integer, se.planpuls.domain.EffectSeen>) i ->
                    new se.planpuls.domain.EffectSeen(effects.get(i).id(), effects.get(i).text());
            assertThat(detail.effectsSeen().get(first.id())).containsExactly(seen.apply(1));
            assertThat(detail.effectsSeen().get(second.id())).containsExactly(seen.apply(0), seen.apply(1));
            assertThat(detail.effectsSeen()).doesNotContainKey(none.id());
            assertThat(f.milestones.effectsSeen(List.of(second.id(), first.id())).keySet())
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(f.milestones.effectsSeen(List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_substitutes_report_names_the_owner_it_was_made_for_and_a_repeat_hands_back_the_same(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var bo = f.owners.nameSubstitute(anna.id(), "bo@example.com");
            var report = new NewReport(id, Status.REACHED, "Klart", Reporter.owner(bo), "bot", "key-2");

            var first = f.reports.report(report);
            var again = f.reports.report(report);

            assertThat(first.onBehalfOfName()).isEqualTo("Anna Berg");
            assertThat(again.created()).isFalse();
            assertThat(again.report()).isEqualTo(first.report());
            assertThat(again.onBehalfOfName()).isEqualTo("Anna Berg");
            assertThat(again.view().latest()).isEqualTo(first.report());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_question_a_chat_waited_on_is_settled_by_the_report_and_not_by_a_refused_one(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long med1 = f.assign("MED-1", anna).milestone().id();
            long med2 = f.assign("MED-2", anna).milestone().id();
            var pending = new PendingAnswerService(f.database, f.clock);
            pending.ask(new PendingAnswer(anna.id(), "a:1", med1, Status.REACHED, false, null, List.of(), "card-1",
                    "question-1", null));

            assertThatThrownBy(() -> f.reports.report(new NewReport(med1, Status.REACHED, "x".repeat(2001),
                    Reporter.owner(anna), "bot", null), "a:1")).isInstanceOf(InvalidInputException.class);
            assertThat(pending.waiting(anna.id(), "a:1")).isPresent();
            f.reports.report(new NewReport(med2, Status.REACHED, "Annat", Reporter.owner(anna), "bot", null), "a:1");
            assertThat(pending.waiting(anna.id(), "a:1")).isPresent();
            f.reports.report(new NewReport(med1, Status.REACHED, "Beslut", Reporter.owner(anna), "bot", null), "a:2");
            assertThat(pending.waiting(anna.id(), "a:1")).isPresent();

            f.reports.report(new NewReport(med1, Status.REACHED, "Beslut", Reporter.owner(anna), "bot", null), "a:1");

            assertThat(pending.waiting(anna.id(), "a:1")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void who_may_report_is_read_with_the_milestone(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var cecilia = f.owner("Cecilia", "cecilia@example.com", null);
            long id = f.assign("MED-1", anna).milestone().id();
            var bo = f.owners.nameSubstitute(anna.id(), "bo@example.com");

            assertThat(f.reports.reportable(anna.id(), id).allowed()).isTrue();
            assertThat(f.reports.reportable(bo.id(), id).allowed()).isTrue();
            assertThat(f.reports.reportable(cecilia.id(), id).allowed()).isFalse();
            assertThat(f.reports.reportable(cecilia.id(), id).view().milestone().code()).isEqualTo("MED-1");
            assertThatThrownBy(() -> f.reports.reportable(anna.id(), 987654L)).isInstanceOf(NotFoundException.class);
        }
    }
}
