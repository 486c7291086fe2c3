package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.PendingAnswer;
import se.planpuls.domain.Status;

class PendingAnswerServiceTest {

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_question_waits_in_its_chat_for_a_day_until_answered_and_a_new_one_replaces_it(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            long med1 = f.milestone("MED-1").milestone().id();
            long med2 = f.milestone("MED-2").milestone().id();
            var pending = new PendingAnswerService(f.database, f.clock);

            pending.ask(new PendingAnswer(anna.id(), "a:1", med1, Status.REACHED, true, LocalDate.of(2027, 1, 31),
                    List.of(3L, 4L), "card-1", "question-1", null));

            assertThat(pending.waiting(anna.id(), "a:1")).hasValueSatisfying(p -> {
                assertThat(p.milestoneId()).isEqualTo(med1);
                assertThat(p.effects()).containsExactly(3L, 4L);
                assertThat(p.expectedDate()).isEqualTo(LocalDate.of(2027, 1, 31));
                assertThat(p.cardId()).isEqualTo("card-1");
            });
            assertThat(pending.waiting(anna.id(), "a:other")).isEmpty();
            var dayLater = new PendingAnswerService(f.database,
                    Clock.offset(f.clock, PendingAnswerService.KEPT.plus(Duration.ofMinutes(1))));
            assertThat(dayLater.waiting(anna.id(), "a:1")).isEmpty();

            pending.ask(new PendingAnswer(anna.id(), "a:1", med2, Status.REACHED, false, null, List.of(), null,
                    "question-2", null));
            assertThat(pending.waiting(anna.id(), "a:1")).map(PendingAnswer::milestoneId).contains(med2);
            pending.answered(anna.id(), "a:1", med1);
            assertThat(pending.waiting(anna.id(), "a:1")).isPresent();
            pending.answered(anna.id(), "a:1", med2);
            assertThat(pending.waiting(anna.id(), "a:1")).isEmpty();
        }
    }
}
