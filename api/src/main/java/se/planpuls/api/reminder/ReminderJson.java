package se.planpuls.api.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderRecord;

/** A reminder on the wire: one in the sent-log, or one scheduled (no id, no attempts yet). */
record ReminderJson(Long id, String status, long milestoneId, String milestoneCode, String kind, LocalDate dueDate,
                    int step, Long recipientOwnerId, LocalDate plannedFor, Integer attempts, Integer httpStatus,
                    String lastError, Instant nextAttemptAt, Instant sentAt) {
    static ReminderJson of(ReminderRecord r) {
        return new ReminderJson(r.id(), r.status().toLowerCase(Locale.ROOT), r.milestoneId(), r.milestoneCode(),
                r.kind().name().toLowerCase(Locale.ROOT), r.dueDate(), r.step(), r.recipientOwnerId(),
                r.plannedFor(), r.attempts(), r.httpStatus(), r.lastError(), r.nextAttemptAt(), r.sentAt());
    }

    static ReminderJson scheduled(DueReminder r, String code) {
        var k = r.key();
        return new ReminderJson(null, "scheduled", k.milestoneId(), code, k.kind().name().toLowerCase(Locale.ROOT),
                k.dueDate(), k.step(), r.recipientOwnerId(), r.plannedFor(), null, null, null, null, null);
    }
}
