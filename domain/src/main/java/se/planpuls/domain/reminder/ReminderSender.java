package se.planpuls.domain.reminder;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A port: delivers reminders to their recipient's personal chat in Teams (the composition root
 * wires the bot). The future fails with a {@link ReminderSendException} saying what went wrong.
 */
public interface ReminderSender {
    /**
     * Sends the reminders due to one recipient as one message, so an owner of several milestones
     * gets one card a day, not one per milestone. {@code reminders} is not empty and names one
     * recipient. {@code pace} must run just before the message leaves (it waits for a slot under
     * Teams' limits), so that lookups before it do not blur the pacing.
     */
    CompletableFuture<Void> send(List<DueReminder> reminders, Runnable pace);
}
