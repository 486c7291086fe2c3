package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.IndicatorService;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.IndicatorValueText;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NewIndicatorValue;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Reporter;

/**
 * Taking an indicator's value, typed ({@code rapportera HME-1 78 kommentar}) or from the card's number
 * field: read the number (decimal comma or point) and the unit, store it once, answer with a receipt
 * (the card turned into one when it came from a card). A bad number, a wrong unit or a value out of
 * range is answered with what was wrong, and nothing is stored.
 */
final class IndicatorReport {
    private final IndicatorService indicators;
    private final se.planpuls.db.MilestoneService milestones;

    IndicatorReport(IndicatorService indicators, se.planpuls.db.MilestoneService milestones) {
        this.indicators = indicators;
        this.milestones = milestones;
    }

    static boolean isOurs(Object value) {
        return value instanceof Map<?, ?> map && IndicatorCard.ACTION.equals(map.get(CardSubmission.ACTION));
    }

    /** Whether the item is an indicator this bot takes values for. */
    boolean takes(MilestoneView view) {
        return view.milestone().kind() == ItemKind.INDICATOR;
    }

    /** {@code rapportera HME-1} alone: the card with the number field; with a value: the value stored. */
    CompletableFuture<Void> typed(Turn turn, MilestoneView view, String rest) {
        var progress = indicators.progress(view.milestone()).orElse(null);
        if (progress == null) {
            return turn.reply("report.invalid.milestone");
        }
        if (rest == null || rest.isBlank()) {
            return turn.send(MessageFactory.attachment(IndicatorCard.of(view, progress, null, turn.texts())));
        }
        Activity activity = turn.context().getActivity();
        String key = activity.getId() == null ? null
                : "teams:" + activity.getConversation().getId() + ":text:" + activity.getId();
        return store(turn, view, progress.indicator(), rest, key, null);
    }

    /** The card's submit: its number field and comment for the item it names. */
    CompletableFuture<Void> submitted(Turn turn, Map<?, ?> map) {
        if (turn.owner().isEmpty()) {
            return turn.reply("report.notOwner");
        }
        long id;
        try {
            id = CardSubmission.milestoneId(map.get(CardSubmission.MILESTONE));
        } catch (CardSubmission.Invalid e) {
            return turn.reply("report.invalid.card", CardSubmission.problem(e, turn.texts()));
        }
        Object rawValue = map.get(IndicatorCard.VALUE + "." + id);
        Object rawComment = map.get(IndicatorCard.COMMENT + "." + id);
        String value = rawValue == null ? "" : rawValue instanceof Number n ? n.toString() : String.valueOf(rawValue);
        String comment = rawComment instanceof String s && !s.isBlank() ? s.strip() : null;
        MilestoneView view;
        try {
            view = milestones.view(id);
        } catch (NotFoundException e) {
            return turn.reply("report.invalid.milestone");
        }
        var progress = indicators.progress(view.milestone()).orElse(null);
        if (progress == null) {
            return turn.reply("report.invalid.milestone");
        }
        Activity activity = turn.context().getActivity();
        String cardId = activity.getReplyToId();
        String key = cardId == null ? null : "teams:" + activity.getConversation().getId() + ":" + cardId + ":value:"
                + id + ":" + activity.getFrom().getId();
        // The number field holds the number only (its unit is the indicator's); the comment is its own field.
        if (value.strip().contains(" ")) {
            return turn.reply("indicator.invalid.notNumber", value.strip(), view.milestone().code());
        }
        String text = comment == null ? value : value + " " + comment;
        return store(turn, view, progress.indicator(), value.isBlank() ? "" : text, key, cardId);
    }

    private CompletableFuture<Void> store(Turn turn, MilestoneView view, Indicator indicator, String text, String key,
                                          String cardId) {
        Owner reporter = turn.owner().orElse(null);
        if (reporter == null) {
            return turn.reply("report.notOwner");
        }
        Texts texts = turn.texts();
        String code = view.milestone().code();
        IndicatorService.Result result;
        try {
            var parsed = IndicatorValueText.parse(text, indicator);
            result = indicators.report(new NewIndicatorValue(view.milestone().id(), parsed.value(), parsed.comment(),
                    new Reporter(reporter.id(), reporter.name()), "teams", key));
        } catch (ForbiddenException e) {
            return turn.reply("report.forbidden", code);
        } catch (NotFoundException e) {
            return turn.reply("report.invalid.milestone");
        } catch (InvalidInputException e) {
            return turn.send(Turn.message(refusal(e, text, view, indicator, texts)));
        }
        IndicatorProgress progress = result.progress();
        var receipt = IndicatorCard.receipt(result.view(), progress, result.value(), result.forGroupName(), texts);
        CompletableFuture<Void> update = ReportFlow.updateCard(turn, cardId, receipt);
        if (!result.created()) {
            return CompletableFuture.allOf(update, turn.reply("report.duplicate"));
        }
        String saved = texts.get("indicator.saved", code, view.milestone().title(),
                IndicatorCard.format(indicator, result.value().value(), texts),
                progress.trend().arrow().isEmpty() ? "" : progress.trend().arrow() + " ",
                texts.get(progress.onTarget() ? "indicator.met" : "indicator.notMet"),
                IndicatorCard.target(indicator, texts));
        if (result.onBehalfOfName() != null) {
            saved += " " + texts.get("report.savedOnBehalf", result.onBehalfOfName());
        }
        if (result.forGroupName() != null) {
            saved += " " + texts.get("report.savedForGroup", result.forGroupName());
        }
        String message = saved;
        if (cardId != null) {
            // The card turns into the receipt while the confirmation goes out (see ReportFlow).
            return CompletableFuture.allOf(update, turn.send(Turn.message(message)));
        }
        // Two new messages: the receipt first, so that the chat reads in order.
        return turn.send(MessageFactory.attachment(receipt)).thenCompose(done -> turn.send(Turn.message(message)));
    }

    /** What was wrong with the value, in the reader's language; the value as typed is named. */
    static String refusal(InvalidInputException e, String text, MilestoneView view, Indicator indicator, Texts texts) {
        String code = view.milestone().code();
        String typed = text == null || text.isBlank() ? "" : text.strip().split("\\s+")[0];
        return switch (e.code()) {
            case "value.missing" -> texts.get("indicator.invalid.missing", code);
            case "value.notNumber" -> texts.get("indicator.invalid.notNumber", typed, code);
            case "value.wrongUnit" -> texts.get("indicator.invalid.wrongUnit", code, indicator.unit());
            case "value.outOfRange" -> texts.get("indicator.invalid.outOfRange", typed.replaceAll("[%]$", ""), code,
                    texts.get("%".equals(indicator.unit()) ? "indicator.range.percent"
                            : java.util.Set.of("antal", "kr", "dagar").contains(indicator.unit())
                            ? "indicator.range.nonNegative" : "indicator.range.other", indicator.unit()));
            case "value.tooPrecise" -> texts.get("indicator.invalid.tooPrecise", typed, code);
            case "comment.tooLong" -> texts.get("report.invalid.comment", String.valueOf(text.length()));
            case "comment.markup" -> texts.get("report.invalid.markup");
            default -> texts.get("report.invalid.card", e.getMessage());
        };
    }
}
