package se.planpuls.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.RestException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderSendException;

/**
 * Sends one reminder card to its recipient's stored personal chat with {@code continueConversation}.
 * Failures come back as {@link ReminderSendException}s with the connector's status and Retry-After,
 * so the scheduler can pace and retry (the SDK never retries a 429 itself).
 */
final class ReminderCardSender {
    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final BotServices services;
    private final ConversationRecorder recorder;
    private final java.time.Clock clock;

    ReminderCardSender(BotFrameworkAdapter adapter, String appId, BotServices services, ConversationRecorder recorder,
                       java.time.Clock clock) {
        this.clock = clock;
        this.adapter = adapter;
        this.appId = appId;
        this.services = services;
        this.recorder = recorder;
    }

    /** Reads what the card needs, then runs {@code pace} (a rate limiter's wait) and sends. */
    CompletableFuture<Void> send(DueReminder reminder, Runnable pace) {
        if (reminder.recipientOwnerId() == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a reminder without a recipient is not sent"));
        }
        long ownerId = reminder.recipientOwnerId();
        var conversation = services.conversations().personalOf(ownerId);
        if (conversation.isEmpty()) {
            return CompletableFuture.failedFuture(ReminderSendException.unreachable(
                    "owner " + ownerId + " has no stored personal chat with the bot"));
        }
        Owner owner = services.owners().byId(ownerId);
        Texts texts = Texts.forLocale(services.owners().proactiveLocale(owner.id()));
        var view = services.milestones().view(reminder.key().milestoneId());
        var card = MessageFactory.attachment(ReminderCard.of(reminder.key(), view, texts,
                java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE))));
        var reference = recorder.reference(conversation.get());
        // The send's outcome is taken inside the callback: an error escaping it would go to the
        // adapter's turn-error handler, which swallows it and writes to the user, i.e. sends again.
        var outcome = new CompletableFuture<Void>();
        try {
            pace.run();
            adapter.continueConversation(appId, reference, context -> context.sendActivity(card)
                            .handle((response, error) -> {
                                complete(outcome, error);
                                return null;
                            }))
                    .whenComplete((done, error) -> complete(outcome, error));
        } catch (RuntimeException e) {
            complete(outcome, e);
        }
        return outcome;
    }

    private static void complete(CompletableFuture<Void> outcome, Throwable error) {
        if (error == null) {
            outcome.complete(null);
        } else {
            outcome.completeExceptionally(typed(error));
        }
    }

    private static ReminderSendException typed(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                int status = rest.response().code();
                return new ReminderSendException(status, retryAfter(rest.response().headers().get("Retry-After")),
                        false, "connector answered " + status, cause);
            }
        }
        return new ReminderSendException(0, null, false, String.valueOf(cause), cause);
    }

    /** Retry-After in seconds (the form Teams uses); an HTTP date or nonsense gives null. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
