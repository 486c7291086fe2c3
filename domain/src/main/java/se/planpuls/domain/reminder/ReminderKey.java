package se.planpuls.domain.reminder;

import java.time.LocalDate;

/**
 * A reminder's natural key: which milestone, what kind, the date it points at (the due date, the
 * review date, the month's first day, or the date of the prompt being followed up) and the step
 * (working days before that date, or after the prompt).
 */
public record ReminderKey(long milestoneId, ReminderKind kind, LocalDate dueDate, int step) {
}
