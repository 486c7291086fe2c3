package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.LocalDate;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
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

    static Attachment of(ReminderKey key, MilestoneView view, Texts texts, LocalDate today) {
        return of(key, view, java.util.List.of(), texts, today);
    }

    /** As above, pointing out under the header what the owner should put right in the last report. */
    static Attachment of(ReminderKey key, MilestoneView view, java.util.List<se.planpuls.domain.QualityFlag> flags,
                         Texts texts, LocalDate today) {
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
        Attachment status = StatusCard.of(view, texts, today);
        ObjectNode card = (ObjectNode) status.getContent();
        ArrayNode original = (ArrayNode) card.get("body");
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("reminder.title")));
        body.add(Cards.text(header(key, m, name, texts)).put("weight", "Bolder"));
        flags.forEach(flag -> body.add(PromptsCard.flag(flag, texts)));
        body.addAll(original);
        card.set("body", body);
        return status;
    }

    /** Why the owner hears from Planpuls now, in the words of the item's kind. */
    static String header(ReminderKey key, Milestone m, String name, Texts texts) {
        LocalDate date = key.dueDate();
        return switch (key.kind()) {
            case DEADLINE -> switch (m.kind()) {
                case MILESTONE -> texts.get("reminder.deadline", name, texts.date(date), key.step());
                case ASSIGNMENT -> m.reportTo() == null
                        ? texts.get("reminder.deadline.ASSIGNMENT.noBoard", name, texts.date(date), key.step())
                        : texts.get("reminder.deadline.ASSIGNMENT", name, texts.date(date), key.step(),
                                String.join(", ", m.shape().reportTo()));
                case RECURRING, INDICATOR -> texts.get("reminder.deadline." + m.kind().name(), name, texts.date(date),
                        key.step(), period(m, date, texts));
            };
            case OVERDUE -> m.kind() == ItemKind.MILESTONE ? texts.get("reminder.overdue", name, texts.date(date))
                    : texts.get("reminder.overdue." + m.kind().name(), name, texts.date(date));
            case REVIEW -> texts.get("reminder.review", name, texts.date(date));
            case CHECK_IN -> texts.get("reminder.checkIn", name);
            case FOLLOW_UP -> texts.get("reminder.followUp", name, texts.date(date));
            case ESCALATION -> texts.get("reminder.escalation.heading");
            case COUNT -> {
                // The step is the reports still needed this year; the minimum says how many were made.
                int min = m.shape().timesPerYear() == null ? key.step() : m.shape().timesPerYear().min();
                yield texts.get("reminder.count", name, key.step(), min, Math.max(0, min - key.step()),
                        texts.date(date));
            }
        };
    }

    /** The period of a recurring commitment that ends on {@code end}, as "1 okt 2026–31 dec 2026". */
    private static String period(Milestone m, LocalDate end, Texts texts) {
        LocalDate start = m.frequency() == null ? end : m.frequency().periodStart(end);
        return texts.get("card.period.value", texts.date(start), texts.date(end));
    }
}
