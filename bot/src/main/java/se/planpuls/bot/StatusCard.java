package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;

/**
 * The card an owner reports on: what the milestone is, how it is judged reached, the latest report,
 * and inputs for a status and a comment. Its submit carries {@link CardSubmission}'s fields.
 */
final class StatusCard {
    static final int MAX_JUDGED_LENGTH = 600;

    private StatusCard() {
    }

    static Attachment of(MilestoneView view, Texts texts) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("card.area") + ": " + view.areaName()));
        body.add(Cards.heading(m.code() + " " + m.title()));
        StatusReport latest = view.latest();
        String current = latest == null ? texts.get("card.current.none")
                : texts.get("card.current.value", texts.status(latest.status()), texts.dateTime(latest.reportedAt()),
                        latest.reporterName());
        body.add(Cards.facts(
                texts.get("card.due"), texts.due(m),
                texts.get("card.owner"), view.ownerName() == null ? "–" : view.ownerName(),
                texts.get("card.current"), current));
        if (latest != null && latest.comment() != null) {
            body.add(Cards.text(texts.get("card.lastComment") + ": " + latest.comment()).put("isSubtle", true));
        }
        body.add(Cards.text("**" + texts.get("card.reachedWhen") + "**"));
        body.add(Cards.text(shorten(m.reachedWhen())).put("spacing", "None"));

        ObjectNode choice = body.addObject();
        choice.put("type", "Input.ChoiceSet");
        choice.put("id", CardSubmission.STATUS);
        choice.put("label", texts.get("card.status.label"));
        choice.put("style", "expanded");
        choice.put("isRequired", true);
        choice.put("errorMessage", texts.get("card.status.error"));
        if (latest != null) {
            choice.put("value", latest.status().name());
        }
        ArrayNode choices = choice.putArray("choices");
        for (Status status : Status.values()) {
            choices.addObject().put("title", texts.status(status)).put("value", status.name());
        }

        ObjectNode comment = body.addObject();
        comment.put("type", "Input.Text");
        comment.put("id", CardSubmission.COMMENT);
        comment.put("label", texts.get("card.comment.label"));
        comment.put("placeholder", texts.get("card.comment.placeholder"));
        comment.put("isMultiline", true);
        comment.put("maxLength", se.planpuls.db.ReportService.MAX_COMMENT);

        ObjectNode card = Cards.card(body);
        ObjectNode submit = card.putArray("actions").addObject();
        submit.put("type", "Action.Submit");
        submit.put("title", texts.get("card.submit"));
        submit.put("style", "positive");
        submit.set("data", Cards.object()
                .put(CardSubmission.ACTION, CardSubmission.REPORT)
                .put(CardSubmission.MILESTONE, m.id()));
        return Cards.attachment(card);
    }

    /** The read-only receipt that replaces the card once a report is stored. */
    static Attachment receipt(MilestoneView view, StatusReport report, Texts texts) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("card.receipt.title") + " ✔"));
        body.add(Cards.heading(m.code() + " " + m.title()));
        body.add(Cards.facts(
                texts.get("card.receipt.status"), texts.status(report.status()),
                texts.get("card.receipt.comment"),
                report.comment() == null ? texts.get("card.receipt.noComment") : report.comment(),
                texts.get("card.receipt.by"), report.reporterName(),
                texts.get("card.receipt.when"), texts.dateTime(report.reportedAt())));
        return Cards.attachment(Cards.card(body));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_JUDGED_LENGTH ? text : text.substring(0, MAX_JUDGED_LENGTH - 1) + "…";
    }
}
