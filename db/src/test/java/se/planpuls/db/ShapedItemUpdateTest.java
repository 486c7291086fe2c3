package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.TimesPerYear;
import se.planpuls.domain.calendar.WorkingCalendar;

/** Changing a count-based commitment's plain fields keeps its count: it needs no frequency to be changed. */
class ShapedItemUpdateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_count_based_commitment_gets_a_new_owner_and_keeps_its_count(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            long id = CountReminderServiceTest.importFourTimesAYear(f);
            var bo = f.owner("Bo Ek", "bo@example.com", null);

            f.milestones.update(id, Fixtures.change(bo.id(), null), null, Actor.SYSTEM);

            var after = f.milestones.view(id).milestone();
            assertThat(after.ownerId()).isEqualTo(bo.id());
            assertThat(after.frequency()).isNull();
            assertThat(after.shape().timesPerYear()).isEqualTo(new TimesPerYear(4, null));
        }
    }
}
