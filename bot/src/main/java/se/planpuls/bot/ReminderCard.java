package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.LocalDate;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.reminder.ReminderKey;

/**
 * A reminder as an owner sees it: a header saying why they hear from the bot now, over the
 * milestone's status card so they can answer at once. An escalation goes to the area lead as a
 * read-only notice that the report is missing.
 */
final class ReminderCard {
    private ReminderCard() {
    }

    static Attachment of(ReminderKey key, MilestoneView view, Texts texts) {
        var m = view.milestone();
        String name = m.code() + " " + m.title();
        if (key.kind() == se.planpuls.domain.reminder.ReminderKind.ESCALATION) {
            ArrayNode body = Cards.array();
            body.add(Cards.subtle(texts.get("reminder.title")));
            body.add(Cards.heading(texts.get("reminder.escalation.heading")));
            body.add(Cards.text(texts.get("reminder.escalation", name, texts.date(key.dueDate()),
                    view.ownerName() == null ? "–" : view.ownerName(), view.areaName())));
            return Cards.attachment(Cards.card(body));
        }
        Attachment status = StatusCard.of(view, texts);
        ObjectNode card = (ObjectNode) status.getContent();
        ArrayNode original = (ArrayNode) card.get("body");
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("reminder.title")));
        body.add(Cards.text(header(key, name, texts)).put("weight", "Bolder"));
        body.addAll(original);
        card.set("body", body);
        return status;
    }

    static String header(ReminderKey key, String name, Texts texts) {
        LocalDate date = key.dueDate();
        return switch (key.kind()) {
            case DEADLINE -> texts.get("reminder.deadline", name, texts.date(date), key.step());
            case OVERDUE -> texts.get("reminder.overdue", name, texts.date(date));
            case REVIEW -> texts.get("reminder.review", name, texts.date(date));
            case CHECK_IN -> texts.get("reminder.checkIn", name);
            case FOLLOW_UP -> texts.get("reminder.followUp", name, texts.date(date));
            case ESCALATION -> texts.get("reminder.escalation.heading");
        };
    }
}
