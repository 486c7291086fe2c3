package se.planpuls.scheduler;

import java.util.concurrent.CompletableFuture;
import se.planpuls.reminder.DueReminder;

/**
 * A port: delivers one reminder to its recipient's personal chat in Teams (the composition root
 * wires the bot). The future fails with a {@link ReminderSendException} saying what went wrong.
 */
public interface ReminderSender {
    CompletableFuture<Void> send(DueReminder reminder);
}
