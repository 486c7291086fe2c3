package se.planpuls.domain.reminder;

import java.time.LocalDate;

/**
 * A reminder that should have gone out by {@code plannedFor}.
 *
 * @param recipientOwnerId who gets it; null for an escalation with no area lead to tell (it is noted only)
 */
public record DueReminder(ReminderKey key, Long recipientOwnerId, LocalDate plannedFor) {
}
