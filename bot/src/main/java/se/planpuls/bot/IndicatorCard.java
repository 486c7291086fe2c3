package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.math.BigDecimal;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.IndicatorValue;
import se.planpuls.domain.MilestoneView;

/**
 * An indicator as its owner reports it: what it measures, its baseline, target and latest value, and
 * a number field with its own submit; after a submit, the receipt with the trend and whether the
 * target is met. The same fields serve a row of the card of several items ({@link PromptsCard}).
 */
final class IndicatorCard {
    static final String ACTION = "indicatorValue";
    static final String VALUE = "indicatorValue";
    static final String COMMENT = "indicatorComment";

    private IndicatorCard() {
    }

    static Attachment of(MilestoneView view, IndicatorProgress progress, String problem, Texts texts) {
        return of(null, view, progress, problem, texts);
    }

    /** As above, for a reminder: {@code header} says why the owner hears from Planpuls now. */
    static Attachment of(String header, MilestoneView view, IndicatorProgress progress, String problem, Texts texts) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get(header == null ? "indicator.card.title" : "reminder.title")));
        if (header != null) {
            body.add(Cards.text(header).put("weight", "Bolder"));
        }
        body.add(Cards.heading(m.code() + " " + m.title()));
        body.add(facts(progress, texts));
        if (problem != null) {
            body.add(Cards.text(problem).put("color", "Attention"));
        }
        form(body, m.id(), progress.indicator(), texts);
        return Cards.attachment(Cards.card(body));
    }

    /** The card after a value was stored: the value, who and when, the trend and the target. */
    static Attachment receipt(MilestoneView view, IndicatorProgress progress, IndicatorValue value, Texts texts) {
        return receipt(view, progress, value, null, texts);
    }

    /** As the plain receipt, saying which group ({@code forGroup}, or null) the reporter answered for. */
    static Attachment receipt(MilestoneView view, IndicatorProgress progress, IndicatorValue value, String forGroup,
                              Texts texts) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("indicator.card.title")));
        body.add(Cards.heading(m.code() + " " + m.title()));
        body.add(Cards.text("✔ " + texts.get("indicator.receipt", format(progress.indicator(), value.value(), texts),
                texts.dateTime(value.reportedAt()), forGroup == null ? value.reporterName()
                        : texts.get("report.forGroup", value.reporterName(), forGroup))).put("color", "Good"));
        if (value.comment() != null) {
            body.add(Cards.subtle(texts.get("card.receipt.comment") + ": " + value.comment()));
        }
        body.add(facts(progress, texts));
        return Cards.attachment(Cards.card(body));
    }

    /** "78,5 index ↑"; a first value has no trend, and no gap where its arrow would stand. */
    static String latestWithTrend(IndicatorProgress progress, Texts texts) {
        String arrow = progress.trend().arrow();
        return format(progress.indicator(), progress.latestValue(), texts)
                + (arrow == null || arrow.isEmpty() ? "" : " " + arrow);
    }

    private static ObjectNode facts(IndicatorProgress progress, Texts texts) {
        Indicator i = progress.indicator();
        String baseline = i.baselineValue() == null ? "–" : format(i, i.baselineValue(), texts)
                + (i.baselineDate() == null ? "" : " (" + texts.date(i.baselineDate()) + ")");
        String latest = progress.latest() == null ? texts.get("indicator.card.none")
                : latestWithTrend(progress, texts) + " · "
                        + texts.get(progress.onTarget() ? "indicator.met" : "indicator.notMet");
        return Cards.facts(texts.get("indicator.card.baseline"), baseline, texts.get("indicator.card.target"),
                target(i, texts), texts.get("indicator.card.latest"), latest);
    }

    /** The number field, an optional comment and a submit of their own, for the item {@code id}. */
    static void form(ArrayNode items, long id, Indicator indicator, Texts texts) {
        ObjectNode number = items.addObject();
        number.put("type", "Input.Number");
        number.put("id", VALUE + "." + id);
        number.put("label", indicator == null ? texts.get("indicator.card.valueLabel")
                : texts.get("indicator.card.value", indicator.unit()));
        if (indicator != null && "%".equals(indicator.unit())) {
            number.put("min", 0).put("max", 100);
        }
        ObjectNode comment = items.addObject();
        comment.put("type", "Input.Text");
        comment.put("id", COMMENT + "." + id);
        comment.put("label", texts.get("indicator.card.comment"));
        comment.put("maxLength", se.planpuls.db.ReportService.MAX_COMMENT);
        ObjectNode actions = items.addObject();
        actions.put("type", "ActionSet");
        ObjectNode submit = actions.putArray("actions").addObject();
        submit.put("type", "Action.Submit");
        submit.put("title", texts.get("indicator.card.submit"));
        submit.put("style", "positive");
        submit.set("data", Cards.object().put(CardSubmission.ACTION, ACTION).put(CardSubmission.MILESTONE, id));
    }

    static String target(Indicator i, Texts texts) {
        String value = i.targetValue() == null ? "" : format(i, i.targetValue(), texts);
        String key = "indicator.target." + i.direction().apiName() + (i.targetValue() == null ? "" : ".value");
        String by = i.targetDate() == null ? "" : " " + texts.get("indicator.target.by", texts.date(i.targetDate()));
        return texts.get(key, value) + by;
    }

    static String format(Indicator i, BigDecimal value, Texts texts) {
        return i.format(value, texts.locale());
    }
}
