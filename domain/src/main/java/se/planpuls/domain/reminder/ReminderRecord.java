package se.planpuls.domain.reminder;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the sent-log as admins see it.
 *
 * @param status {@code SENT}, {@code FAILED} (kept visible, retried from {@code nextAttemptAt} unless null),
 *               or {@code NOTED} (an escalation with nobody to tell)
 * @param memberId the group member a prompt about a group's item went to; 0 otherwise
 */
public record ReminderRecord(long id, long milestoneId, String milestoneCode, ReminderKind kind, LocalDate dueDate,
                             int step, Long recipientOwnerId, LocalDate plannedFor, String status, int attempts,
                             Integer httpStatus, String lastError, Instant nextAttemptAt, Instant createdAt,
                             Instant sentAt, long memberId) {
}
