package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.stream.Collectors;
import se.planpuls.domain.MilestoneView;

/**
 * Asked when a milestone is reported reached without a comment: the plan requires that it can
 * always be judged when a milestone is reached. The card carries the pending report in its data,
 * so nothing is stored until the owner answers or explicitly skips.
 */
final class JudgedQuestionCard {
    private JudgedQuestionCard() {
    }

    static Attachment of(MilestoneView view, CardSubmission pending, String cardId, Texts texts) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.heading(texts.get("judged.title", m.code(), m.title())));
        body.add(Cards.text(texts.get("judged.why")));
        body.add(Cards.text("**" + texts.get(m.criterionStated() ? "card.reachedWhen" : "card.description") + "**"));
        body.add(Cards.text(m.judgedBy()).put("spacing", "None").put("isSubtle", true));
        ObjectNode answer = body.addObject();
        answer.put("type", "Input.Text");
        answer.put("id", CardSubmission.COMMENT);
        answer.put("label", texts.get("judged.label"));
        answer.put("isMultiline", true);
        answer.put("maxLength", se.planpuls.db.ReportService.MAX_COMMENT);

        ObjectNode card = Cards.card(body);
        ArrayNode actions = card.putArray("actions");
        ObjectNode send = actions.addObject();
        send.put("type", "Action.Submit");
        send.put("title", texts.get("card.submit"));
        send.put("style", "positive");
        send.set("data", data(pending, cardId, false));
        ObjectNode skip = actions.addObject();
        skip.put("type", "Action.Submit");
        skip.put("title", texts.get("judged.skip"));
        skip.set("data", data(pending, cardId, true));
        return Cards.attachment(card);
    }

    private static ObjectNode data(CardSubmission pending, String cardId, boolean skip) {
        ObjectNode data = Cards.object()
                .put(CardSubmission.ACTION, CardSubmission.JUDGED)
                .put(CardSubmission.MILESTONE, pending.milestoneId())
                .put(CardSubmission.STATUS, pending.status().name())
                .put(CardSubmission.AT_RISK, pending.atRisk() ? "true" : "false")
                .put(CardSubmission.EXPECTED, pending.expectedDate() == null ? "" : pending.expectedDate().toString())
                .put(CardSubmission.EFFECTS, pending.effects().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")))
                .put(CardSubmission.SKIP, skip ? "true" : "false");
        if (cardId != null) {
            data.put(CardSubmission.CARD, cardId);
        }
        return data;
    }
}
