package se.planpuls.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.ReportService;
import se.planpuls.domain.Effect;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.ReminderKind;

/**
 * The submit of a {@link PromptsCard}: a report per row given a status, under the same rules as the
 * card of one milestone ({@link ReportFlow}), and the card redrawn in place.
 */
final class PromptsCardFlow {
    private final ReportService reports;
    private final MilestoneService milestones;
    private final Clock clock;

    PromptsCardFlow(ReportService reports, MilestoneService milestones, Clock clock) {
        this.reports = reports;
        this.milestones = milestones;
        this.clock = clock;
    }

    /**
     * A card of several milestones: each row given a status is checked and stored as a report of its
     * own, once (keyed by the card and the milestone), and the card is redrawn in place: a receipt on
     * each reported row, the reason on each refused one, the rest still open. A row reported reached
     * without a comment is asked on the card what shows it reached; sent again, it is stored as is.
     * Nothing else is sent, so the owner's chat holds one message.
     */
    CompletableFuture<Void> submitted(Turn turn, Map<?, ?> value) {
        Owner reporter = turn.owner().orElseThrow();
        Texts texts = turn.texts();
        List<PromptsCard.RowRef> refs;
        try {
            refs = PromptsCard.rows(value);
        } catch (CardSubmission.Invalid e) {
            return turn.reply("report.invalid.card", CardSubmission.problem(e, turn.texts()));
        }
        Activity activity = turn.context().getActivity();
        String cardId = activity.getReplyToId();
        var today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        List<PromptsCard.Row> rows = new ArrayList<>();
        int given = 0;
        var targets = new java.util.LinkedHashMap<Long, ReportService.Reportable>();
        for (PromptsCard.RowRef ref : refs) {
            try {
                targets.put(ref.milestoneId(), reports.reportable(reporter.id(), ref.milestoneId()));
            } catch (NotFoundException e) {
                // A milestone deleted since the card was sent leaves its row out.
            }
        }
        var prompts = milestones.prompts(targets.values().stream().map(ReportService.Reportable::view).toList(), today);
        for (PromptsCard.RowRef ref : refs) {
            ReportService.Reportable target = targets.get(ref.milestoneId());
            if (target == null) {
                continue;
            }
            MilestoneView view = target.view();
            List<Effect> effects = prompts.get(ref.milestoneId()).effects();
            boolean notice = ref.asked() != null
                    && ref.asked().kind() == ReminderKind.ESCALATION;
            if (notice || ref.state() == PromptsCard.State.REPORTED) {
                rows.add(new PromptsCard.Row(view, ref.asked(), effects, ref.state(), null));
                continue;
            }
            CardSubmission submission;
            try {
                submission = CardSubmission.row(value, ref.milestoneId(),
                        ref.state() == PromptsCard.State.JUDGED_ASKED);
            } catch (CardSubmission.Invalid e) {
                given++;
                rows.add(new PromptsCard.Row(view, ref.asked(), effects, PromptsCard.State.OPEN,
                        invalidText(e, texts)));
                continue;
            }
            if (submission.status() == null) {
                rows.add(new PromptsCard.Row(view, ref.asked(), effects, ref.state(), null,
                        prompts.get(ref.milestoneId()).flags(), prompts.get(ref.milestoneId()).indicator()));
                continue;
            }
            given++;
            rows.add(storeRow(turn, reporter, target, submission, ref, effects,
                    ReportFlow.key(activity, cardId, null, ref.milestoneId())));
        }
        if (given == 0) {
            return turn.reply("prompts.none");
        }
        long reported = rows.stream().filter(r -> r.state() == PromptsCard.State.REPORTED).count();
        long open = rows.stream().filter(r -> !r.notice() && r.state() != PromptsCard.State.REPORTED
                && !(r.asked() == null && r.view().reached())).count();
        long refused = rows.stream().filter(r -> r.problem() != null && r.state() != PromptsCard.State.JUDGED_ASKED)
                .count();
        String intro = texts.get("prompts.progress", reported, reported + open)
                + (refused == 0 ? "" : " " + texts.get("prompts.refused", refused));
        String titleKey = value.get(PromptsCard.TITLE) instanceof String t && TITLES.contains(t) ? t : "reminder.title";
        Attachment redrawn = PromptsCard.of(titleKey, intro, rows, reporter, texts);
        return ReportFlow.updateCard(turn, cardId, redrawn);
    }

    /** The titles a card of several milestones may carry back. */
    static final Set<String> TITLES = Set.of("reminder.title", "checkin.title", "my.title");

    /** Stores one row's report; the row as it is to be drawn after. */
    private PromptsCard.Row storeRow(Turn turn, Owner reporter, ReportService.Reportable target,
                                     CardSubmission submission, PromptsCard.RowRef ref,
                                     List<Effect> effects, String key) {
        MilestoneView view = target.view();
        Texts texts = turn.texts();
        if (!target.allowed()) {
            return new PromptsCard.Row(view, ref.asked(), effects, PromptsCard.State.OPEN,
                    texts.get("report.forbidden", view.milestone().code()));
        }
        boolean noComment = submission.comment() == null || submission.comment().isBlank();
        if (submission.status() == Status.REACHED && noComment && !submission.skip()) {
            return new PromptsCard.Row(view, ref.asked(), effects, PromptsCard.State.JUDGED_ASKED,
                    texts.get("prompts.judged", view.milestone().code(), view.milestone().title()));
        }
        try {
            var result = reports.report(new NewReport(submission.milestoneId(), submission.status(),
                    submission.comment(), new Reporter(reporter.id(), reporter.name()), "teams", key,
                    submission.atRisk(), submission.expectedDate(), submission.effects()),
                    turn.context().getActivity().getConversation().getId());
            return new PromptsCard.Row(result.view(), ref.asked(), effects, PromptsCard.State.REPORTED, null);
        } catch (NotFoundException e) {
            return new PromptsCard.Row(view, ref.asked(), effects, PromptsCard.State.OPEN,
                    texts.get("report.invalid.milestone"));
        } catch (ForbiddenException e) {
            return new PromptsCard.Row(view, ref.asked(), effects, PromptsCard.State.OPEN,
                    texts.get("report.forbidden", view.milestone().code()));
        } catch (InvalidInputException e) {
            return new PromptsCard.Row(view, ref.asked(), effects, PromptsCard.State.OPEN,
                    ReportFlow.refusalText(e, submission, texts));
        }
    }

    private static String invalidText(CardSubmission.Invalid e, Texts texts) {
        return switch (e.field()) {
            case CardSubmission.STATUS -> texts.get("report.invalid.status");
            case CardSubmission.EXPECTED -> texts.get("report.invalid.expectedFormat");
            default -> texts.get("report.invalid.card", CardSubmission.problem(e, texts));
        };
    }
}
