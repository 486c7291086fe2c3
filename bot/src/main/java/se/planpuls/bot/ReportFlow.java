package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.PendingAnswerService;
import se.planpuls.db.ReportService;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;

/**
 * Taking a status report, from a card or a text command: check it, ask how a reached milestone was
 * judged reached when no comment says so, store it once, turn the card into a receipt and confirm.
 * Every refusal names what was wrong and stores nothing.
 */
final class ReportFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ReportFlow.class);

    private final ReportService reports;
    private final PendingAnswerService pending;
    private final PromptsCardFlow rows;
    private final IndicatorReport indicators;

    ReportFlow(ReportService reports, PendingAnswerService pending, se.planpuls.db.MilestoneService milestones,
               java.time.Clock clock) {
        this(reports, pending, milestones, clock, null);
    }

    /** {@code indicators}: takes an indicator card's value; null when the bot takes none. */
    ReportFlow(ReportService reports, PendingAnswerService pending, se.planpuls.db.MilestoneService milestones,
               java.time.Clock clock, IndicatorReport indicators) {
        this.reports = reports;
        this.pending = pending;
        this.rows = new PromptsCardFlow(reports, milestones, clock);
        this.indicators = indicators;
    }

    /**
     * A card's Action.Submit: the status card ({@code report}), the judged question ({@code judged})
     * or a card of several milestones ({@code reports}).
     */
    CompletableFuture<Void> submitted(Turn turn, Object value) {
        if (turn.owner().isEmpty()) {
            return turn.reply("report.notOwner");
        }
        if (indicators != null && IndicatorReport.isOurs(value)) {
            return indicators.submitted(turn, (java.util.Map<?, ?>) value);
        }
        if (value instanceof java.util.Map<?, ?> map && CardSubmission.ROWS.equals(map.get(CardSubmission.ACTION))) {
            return rows.submitted(turn, map);
        }
        CardSubmission submission;
        try {
            submission = CardSubmission.parse(value);
        } catch (CardSubmission.Invalid e) {
            return switch (e.field()) {
                case CardSubmission.STATUS -> turn.reply("report.invalid.status");
                case CardSubmission.EXPECTED -> turn.reply("report.invalid.expectedFormat");
                default -> turn.reply("report.invalid.card", CardSubmission.problem(e, turn.texts()));
            };
        }
        if (submission.status() == null) {
            return turn.reply("report.invalid.status");
        }
        Activity activity = turn.context().getActivity();
        boolean judged = CardSubmission.JUDGED.equals(submission.action());
        String statusCardId = judged ? submission.cardId() : activity.getReplyToId();
        String questionId = judged ? activity.getReplyToId() : null;
        return report(turn, submission, key(activity, statusCardId, questionId, submission.milestoneId()),
                statusCardId, questionId);
    }

    /**
     * A typed answer to the question "how was it judged reached?" waiting in this chat: the answer is
     * the comment, and {@code hoppa över} / {@code skip} stores the report without one. Empty when
     * nothing waits.
     */
    java.util.Optional<CompletableFuture<Void>> typedAnswer(Turn turn, String text) {
        if (pending == null || turn.owner().isEmpty()) {
            return java.util.Optional.empty();
        }
        Activity activity = turn.context().getActivity();
        return pending.waiting(turn.owner().get().id(), activity.getConversation().getId()).map(waiting -> {
            boolean skip = SKIP_WORDS.contains(CommandTable.normalise(text));
            var submission = new CardSubmission(CardSubmission.JUDGED, waiting.milestoneId(), waiting.status(),
                    skip ? null : text.strip(), waiting.atRisk(), waiting.expectedDate(), waiting.effects(),
                    waiting.cardId(), skip);
            return report(turn, submission, key(activity, waiting.cardId(), waiting.questionId(),
                    waiting.milestoneId()), waiting.cardId(), waiting.questionId());
        });
    }

    static final java.util.Set<String> SKIP_WORDS = java.util.Set.of("hoppa över", "hoppa over", "skip");

    /** One submission's key, the same whether the card or a typed answer completes it. */
    static String key(Activity activity, String statusCardId, String questionId, long milestoneId) {
        String card = statusCardId != null ? statusCardId : questionId == null ? null : "judged:" + questionId;
        return card == null ? null : "teams:" + activity.getConversation().getId() + ":" + card + ":" + milestoneId
                + ":" + activity.getFrom().getId();
    }

    /** {@code rapportera <milestone> <status> <comment>}: the same rules as the card. */
    CompletableFuture<Void> reportedByText(Turn turn, MilestoneView view, Status status, String comment) {
        Activity activity = turn.context().getActivity();
        var submission = new CardSubmission(CardSubmission.REPORT, view.milestone().id(), status, comment, false, null,
                List.of(), null, false);
        String key = activity.getId() == null ? null
                : "teams:" + activity.getConversation().getId() + ":text:" + activity.getId();
        return report(turn, submission, key, null, null);
    }

    private CompletableFuture<Void> report(Turn turn, CardSubmission submission, String key, String statusCardId,
                                           String questionId) {
        Owner reporter = turn.owner().orElseThrow();
        boolean judged = CardSubmission.JUDGED.equals(submission.action());
        boolean noComment = submission.comment() == null || submission.comment().isBlank();
        if (submission.status() == Status.REACHED && noComment && !submission.skip()) {
            // Only here is the item read before the report: the question names it. Every other submit is
            // checked, stored and read back in the report's own transaction.
            ReportService.Reportable target;
            try {
                target = reports.reportable(reporter.id(), submission.milestoneId());
            } catch (NotFoundException e) {
                return turn.reply("report.invalid.milestone");
            }
            MilestoneView view = target.view();
            if (!target.allowed()) {
                return turn.reply("report.forbidden", view.milestone().code());
            }
            if (judged) {
                return turn.reply("judged.stillEmpty");
            }
            Activity question = MessageFactory.attachment(JudgedQuestionCard.of(view, submission, statusCardId,
                    turn.texts()));
            return turn.context().sendActivity(question).thenAccept(sent -> {
                if (pending != null) {
                    pending.ask(new se.planpuls.domain.PendingAnswer(reporter.id(),
                            turn.context().getActivity().getConversation().getId(), view.milestone().id(),
                            submission.status(), submission.atRisk(), submission.expectedDate(), submission.effects(),
                            statusCardId, sent == null ? null : sent.getId(), null));
                }
            });
        }
        ReportService.Result result;
        // The chat's question about this milestone, if any, is answered by this report: forgotten in
        // the report's own transaction.
        String answeredIn = pending == null ? null : turn.context().getActivity().getConversation().getId();
        try {
            result = reports.report(new NewReport(submission.milestoneId(), submission.status(), submission.comment(),
                    new Reporter(reporter.id(), reporter.name()), "teams", key, submission.atRisk(),
                    submission.expectedDate(), submission.effects()), answeredIn);
        } catch (NotFoundException e) {
            return turn.reply("report.invalid.milestone");
        } catch (ForbiddenException e) {
            return turn.reply("report.forbidden", reports.reportable(reporter.id(), submission.milestoneId()).view()
                    .milestone().code());
        } catch (InvalidInputException e) {
            return refuse(turn, e, submission);
        }
        var report = result.report();
        String onBehalf = result.onBehalfOfName();
        Texts texts = turn.texts();
        Attachment receipt = StatusCard.receipt(result.view(), report, onBehalf, result.forGroupName(),
                result.effectsSeen(), texts);
        // The cards turn into the receipt while the confirmation goes out: the two sends are
        // independent (an update changes a message already in the chat), and a turn waiting for one
        // before starting the other took the time of both.
        CompletableFuture<Void> updates = CompletableFuture.allOf(
                updateCard(turn, statusCardId, receipt), updateCard(turn, questionId, receipt));
        if (!result.created()) {
            return CompletableFuture.allOf(updates, turn.reply("report.duplicate"));
        }
        var item = result.view().milestone();
        String saved = texts.get("report.saved", item.code(), item.title(), texts.status(report.status()));
        if (onBehalf != null) {
            saved += " " + texts.get("report.savedOnBehalf", onBehalf);
        }
        if (result.forGroupName() != null) {
            saved += " " + texts.get("report.savedForGroup", result.forGroupName());
        }
        if (report.atRisk()) {
            saved += " " + texts.get("report.savedAtRisk", texts.date(report.expectedDate()));
        }
        return CompletableFuture.allOf(updates, turn.send(Turn.message(saved)));
    }

    /** Whether the item is an indicator whose values this bot takes (then it has no status to report). */
    boolean takesValues(MilestoneView view) {
        return indicators != null && indicators.takes(view);
    }

    /** An indicator's card with its number field. */
    CompletableFuture<Void> indicatorCard(Turn turn, MilestoneView view) {
        return indicators.typed(turn, view, "");
    }

    /** The owner of the milestone, or the owner's substitute. */
    boolean mayReport(Owner reporter, MilestoneView view) {
        return reports.mayReport(reporter.id(), view.milestone());
    }

    private static CompletableFuture<Void> refuse(Turn turn, InvalidInputException e, CardSubmission submission) {
        return turn.send(Turn.message(refusalText(e, submission, turn.texts())));
    }

    static String refusalText(InvalidInputException e, CardSubmission submission, Texts texts) {
        return switch (e.code()) {
            case "comment.tooLong" -> texts.get("report.invalid.comment",
                    String.valueOf(submission.comment().strip().length()));
            case "comment.markup" -> texts.get("report.invalid.markup");
            case "expectedDate.missing" -> texts.get("report.invalid.expectedMissing");
            case "expectedDate.past" -> texts.get("report.invalid.expectedPast", texts.date(submission.expectedDate()));
            case "effects.unknown" -> texts.get("report.invalid.effects");
            case "report.indicator" -> texts.get("report.invalid.indicator");
            default -> texts.get("report.invalid.card", e.getMessage());
        };
    }

    /** Replaces a card with the receipt; the report stands even if Teams refuses the update. */
    static CompletableFuture<Void> updateCard(Turn turn, String cardId, Attachment receipt) {
        if (cardId == null) {
            return CompletableFuture.completedFuture(null);
        }
        Activity update = MessageFactory.attachment(receipt);
        update.setId(cardId);
        return turn.context().updateActivity(update)
                .handle((response, error) -> {
                    if (error != null) {
                        LOG.warn("Could not update card {} to its receipt: {}", cardId, error.toString());
                    }
                    return null;
                });
    }
}
