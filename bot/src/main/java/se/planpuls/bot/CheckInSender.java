package se.planpuls.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Proactive check-ins through {@code continueConversation} with each owner's stored personal chat, one
 * card per owner with a row for each milestone not yet reached.
 * Owners are prompted one after another, so a run never floods Teams' per-bot limits; owners who
 * snoozed check-ins or are on leave are skipped.
 */
final class CheckInSender {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInSender.class);

    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final BotServices services;
    private final ConversationRecorder recorder;
    private final java.time.Clock clock;
    private final java.util.function.BooleanSupplier stopping;

    CheckInSender(BotFrameworkAdapter adapter, String appId, BotServices services, ConversationRecorder recorder,
                  java.time.Clock clock, java.util.function.BooleanSupplier stopping) {
        this.adapter = adapter;
        this.appId = appId;
        this.services = services;
        this.recorder = recorder;
        this.clock = clock;
        this.stopping = stopping;
    }

    /** Snoozed (check-ins) or on leave (all prompts) today. */
    private boolean paused(Owner owner) {
        var today = java.time.LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        return owner.snoozeUntil() != null && !owner.snoozeUntil().isBefore(today)
                || owner.leaveUntil() != null && !owner.leaveUntil().isBefore(today);
    }

    CompletableFuture<CheckInSummary> sendAll() {
        CompletableFuture<CheckInSummary> chain = CompletableFuture.completedFuture(new CheckInSummary(0, 0, 0, 0));
        for (Owner owner : services.owners().all()) {
            if (paused(owner)) {
                continue;
            }
            List<MilestoneView> open = services.milestones().ofOwner(owner.id()).stream()
                    .filter(v -> !v.reached()).toList();
            if (open.isEmpty()) {
                continue;
            }
            var conversation = services.conversations().personalOf(owner.id());
            if (conversation.isEmpty()) {
                chain = chain.thenApply(s -> new CheckInSummary(s.ownersPrompted(), s.milestonesAsked(),
                        s.ownersUnreachable() + 1, s.failures()));
                continue;
            }
            var reference = recorder.reference(conversation.get());
            Texts texts = Texts.forLocale(services.owners().proactiveLocale(owner.id()));
            // One message per owner: a row per open milestone, one submit for them all.
            var today = java.time.LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
            var prompts = services.milestones().prompts(open, today);
            List<PromptsCard.Row> rows = open.stream().map(v -> new PromptsCard.Row(v, null,
                    prompts.get(v.milestone().id()).effects(), PromptsCard.State.OPEN, null,
                    prompts.get(v.milestone().id()).flags(), prompts.get(v.milestone().id()).indicator())).toList();
            Activity card = MessageFactory.attachment(PromptsCard.of("checkin.title",
                    texts.get("checkin.intro", String.valueOf(open.size())), rows, owner, texts));
            chain = chain.thenCompose(s -> {
                if (stopping.getAsBoolean()) {
                    // Shutting down: owners not yet prompted are left for the next check-in.
                    return CompletableFuture.completedFuture(s);
                }
                return adapter.continueConversation(appId, reference,
                                context -> context.sendActivity(card).thenApply(r -> null))
                        .handle((done, error) -> {
                            if (error != null) {
                                LOG.warn("Check-in to owner {} failed: {}", owner.id(), error.toString());
                                return new CheckInSummary(s.ownersPrompted(), s.milestonesAsked(), s.ownersUnreachable(),
                                        s.failures() + 1);
                            }
                            return new CheckInSummary(s.ownersPrompted() + 1, s.milestonesAsked() + open.size(),
                                    s.ownersUnreachable(), s.failures());
                        });
            });
        }
        return chain;
    }
}
