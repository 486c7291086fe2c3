package se.planpuls.domain.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;

class IndicatorReminderTest {
    private static final ReminderPlanner PLANNER = new ReminderPlanner(WorkingCalendar.sweden());
    private static final Map<Long, Owner> PRESENT = Map.of(7L, new Owner(7, "Anna", "anna@example.com", null, null,
            false, Instant.EPOCH, null, null, null, null));
    private static final Milestone FRISKTAL = new Milestone(3, 1, 1, 3, "FRISK-1", "Frisktal", "d", "r", 2026, null,
            false, 7L, ItemKind.INDICATOR, null, Frequency.QUARTERLY, LocalDate.parse("2026-01-01"), 1);

    @Test
    void an_indicator_is_reminded_like_a_recurring_commitment_before_each_period_ends_without_a_value() {
        var valueInQ3 = new MilestoneFacts(FRISKTAL, false, at("2026-08-10"), null, List.of());
        var valueInQ4 = new MilestoneFacts(FRISKTAL, false, at("2026-10-05"), null, List.of());
        var noValueSinceQ2 = new MilestoneFacts(FRISKTAL, false, at("2026-06-01"), null, List.of());

        assertThat(PLANNER.due(LocalDate.parse("2026-12-17"), ReminderPolicy.DEFAULT, List.of(valueInQ3), PRESENT))
                .extracting(DueReminder::key)
                .containsExactly(new ReminderKey(3, ReminderKind.DEADLINE, LocalDate.parse("2026-12-31"), 10));
        assertThat(PLANNER.due(LocalDate.parse("2026-12-17"), ReminderPolicy.DEFAULT, List.of(valueInQ4), PRESENT))
                .isEmpty();
        assertThat(PLANNER.due(LocalDate.parse("2026-10-01"), ReminderPolicy.DEFAULT, List.of(noValueSinceQ2), PRESENT))
                .extracting(DueReminder::key)
                .containsExactly(new ReminderKey(3, ReminderKind.OVERDUE, LocalDate.parse("2026-09-30"), 0));
        // No monthly check-in on top of its own periods, as for a recurring commitment.
        assertThat(PLANNER.due(LocalDate.parse("2026-11-02"), ReminderPolicy.DEFAULT, List.of(valueInQ4), PRESENT))
                .isEmpty();
    }

    private static Instant at(String isoDate) {
        return LocalDate.parse(isoDate).atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
