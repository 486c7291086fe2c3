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
 * Sends the reminders due to one recipient as one card to their stored personal chat with
 * {@code continueConversation}: a single reminder as the milestone's full status card, several as
 * one {@link PromptsCard} with a row per milestone.
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
    CompletableFuture<Void> send(java.util.List<DueReminder> due, Runnable pace) {
        if (due.isEmpty() || due.stream().anyMatch(r -> r.recipientOwnerId() == null)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a reminder without a recipient is not sent"));
        }
        long ownerId = due.get(0).recipientOwnerId();
        if (due.stream().anyMatch(r -> r.recipientOwnerId() != ownerId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("one message goes to one recipient"));
        }
        var conversation = services.conversations().personalOf(ownerId);
        if (conversation.isEmpty()) {
            return CompletableFuture.failedFuture(ReminderSendException.unreachable(
                    "owner " + ownerId + " has no stored personal chat with the bot"));
        }
        Owner owner = services.owners().byId(ownerId);
        Texts texts = Texts.forLocale(services.owners().proactiveLocale(owner.id()));
        var today = java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE));
        com.microsoft.bot.schema.Attachment attachment;
        if (due.size() == 1) {
            var key = due.get(0).key();
            var view = services.milestones().view(key.milestoneId());
            var indicator = services.indicators() == null || key.kind() == se.planpuls.domain.reminder.ReminderKind.ESCALATION
                    ? java.util.Optional.<se.planpuls.domain.IndicatorProgress>empty()
                    : services.indicators().progress(view.milestone());
            // An indicator is asked for its value, in a card with its number field.
            attachment = indicator.isPresent() ? IndicatorCard.of(ReminderCard.header(key, view.milestone(),
                    view.milestone().code() + " " + view.milestone().title(), texts), view, indicator.get(), null, texts)
                    : ReminderCard.of(key, view, flags(key, services.milestones().ownerFlags(view, today)), texts,
                            today);
        } else {
            attachment = several(due, owner, texts, today);
        }
        var card = MessageFactory.attachment(attachment);
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

    /** One row per milestone; a milestone reminded twice on one day (a prompt and a follow-up) once. */
    private com.microsoft.bot.schema.Attachment several(java.util.List<DueReminder> due, Owner owner, Texts texts,
                                                        java.time.LocalDate today) {
        var views = new java.util.LinkedHashMap<Long, se.planpuls.domain.MilestoneView>();
        for (DueReminder reminder : due) {
            views.computeIfAbsent(reminder.key().milestoneId(), services.milestones()::view);
        }
        var details = services.milestones().prompts(views.values(), today);
        var rows = new java.util.LinkedHashMap<Long, PromptsCard.Row>();
        for (DueReminder reminder : due) {
            long id = reminder.key().milestoneId();
            if (!rows.containsKey(id)) {
                rows.put(id, new PromptsCard.Row(views.get(id), reminder.key(), details.get(id).effects(),
                        PromptsCard.State.OPEN, null, flags(reminder.key(), details.get(id).flags()),
                        details.get(id).indicator()));
            }
        }
        long prompts = rows.values().stream().filter(r -> !r.notice()).count();
        String intro = prompts == 0 ? texts.get("prompts.intro.escalations", rows.size())
                : texts.get("prompts.intro", prompts);
        return PromptsCard.of("reminder.title", intro, java.util.List.copyOf(rows.values()), owner, texts);
    }

    /** What the owner should put right in the last report; an escalation to a lead points out nothing. */
    private static java.util.List<se.planpuls.domain.QualityFlag> flags(se.planpuls.domain.reminder.ReminderKey key,
                                                                        java.util.List<se.planpuls.domain.QualityFlag> flags) {
        return key.kind() == se.planpuls.domain.reminder.ReminderKind.ESCALATION ? java.util.List.of() : flags;
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
