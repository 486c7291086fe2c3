package se.planpuls.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import se.planpuls.bot.ProactiveSendException;
import se.planpuls.bot.TeamsBot;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.scheduler.ReminderSendException;
import se.planpuls.scheduler.ReminderSender;

/** Adapts the bot's reminder card to the scheduler's port, translating its typed failure. */
final class BotReminderSender implements ReminderSender {
    private final TeamsBot bot;

    BotReminderSender(TeamsBot bot) {
        this.bot = bot;
    }

    @Override
    public CompletableFuture<Void> send(DueReminder reminder, Runnable pace) {
        return bot.sendReminder(reminder, pace).handle((done, error) -> {
            if (error == null) {
                return null;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ProactiveSendException failure) {
                throw new ReminderSendException(failure.httpStatus(), failure.retryAfter(), failure.unreachable(),
                        failure.getMessage());
            }
            throw new CompletionException(cause);
        });
    }
}
