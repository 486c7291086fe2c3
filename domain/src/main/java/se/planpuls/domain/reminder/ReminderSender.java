package se.planpuls.domain.reminder;

import java.util.concurrent.CompletableFuture;

/**
 * A port: delivers one reminder to its recipient's personal chat in Teams (the composition root
 * wires the bot). The future fails with a {@link ReminderSendException} saying what went wrong.
 */
public interface ReminderSender {
    /**
     * Sends; {@code pace} must run just before the message leaves (it waits for a slot under Teams'
     * limits), so that lookups before it do not blur the pacing.
     */
    CompletableFuture<Void> send(DueReminder reminder, Runnable pace);
}
