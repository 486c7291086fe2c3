package se.planpuls.domain.reminder;

import java.time.Instant;

/** A reminder the sent-log holds as done (sent, or noted when nobody was to be told). */
public record SentReminder(ReminderKey key, Instant sentAt) {
}
