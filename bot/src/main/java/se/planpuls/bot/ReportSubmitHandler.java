package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.ReportService;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Reporter;

/**
 * Takes a status card's submit: checks it, stores the report once, turns the card into a receipt
 * and confirms. Any refusal names what was wrong and stores nothing.
 */
final class ReportSubmitHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReportSubmitHandler.class);

    private final ReportService reports;
    private final MilestoneService milestones;

    ReportSubmitHandler(ReportService reports, MilestoneService milestones) {
        this.reports = reports;
        this.milestones = milestones;
    }

    CompletableFuture<Void> handle(Turn turn, Object value) {
        if (turn.owner().isEmpty()) {
            return turn.reply("report.notOwner");
        }
        Owner owner = turn.owner().get();
        CardSubmission submission;
        try {
            submission = CardSubmission.parse(value);
        } catch (CardSubmission.Invalid e) {
            return turn.reply(CardSubmission.STATUS.equals(e.field()) ? "report.invalid.status" : "report.invalid.card",
                    e.getMessage());
        }
        if (submission.status() == null) {
            return turn.reply("report.invalid.status");
        }
        Activity activity = turn.context().getActivity();
        String cardId = activity.getReplyToId();
        String key = cardId == null ? null
                : "teams:" + activity.getConversation().getId() + ":" + cardId + ":" + submission.milestoneId()
                        + ":" + activity.getFrom().getId();
        ReportService.Result result;
        try {
            result = reports.report(new NewReport(submission.milestoneId(), submission.status(), submission.comment(),
                    Reporter.owner(owner), "teams", key));
        } catch (NotFoundException e) {
            return turn.reply("report.invalid.milestone");
        } catch (ForbiddenException e) {
            return turn.reply("report.forbidden", milestones.view(submission.milestoneId()).milestone().code());
        } catch (InvalidInputException e) {
            if ("comment".equals(e.field())) {
                return turn.reply("report.invalid.comment", String.valueOf(submission.comment().strip().length()));
            }
            return turn.reply("report.invalid.card", e.getMessage());
        }
        MilestoneView view = milestones.view(submission.milestoneId());
        Texts texts = turn.texts();
        CompletableFuture<Void> receipt = cardId == null ? CompletableFuture.completedFuture(null)
                : updateCard(turn, cardId, StatusCard.receipt(view, result.report(), texts));
        return receipt.thenCompose(done -> result.created()
                ? turn.reply("report.saved", view.milestone().code(), view.milestone().title(),
                        texts.status(result.report().status()))
                : turn.reply("report.duplicate"));
    }

    /** Replaces the submitted card with its receipt; the report stands even if Teams refuses the update. */
    private static CompletableFuture<Void> updateCard(Turn turn, String cardId,
                                                      com.microsoft.bot.schema.Attachment receipt) {
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
