package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.LinkedHashMap;
import java.util.Map;
import se.planpuls.domain.AnnualReview;

/** The annual review's summary for leadership channels: status counts per area and in total, the PDF and the map. */
final class AnnualReviewCard {
    private AnnualReviewCard() {
    }

    static Attachment of(AnnualReview review, Texts texts, String mapPageUrl, String pdfUrl) {
        ArrayNode body = Cards.array();
        // A parent's status is its deliverables' summed up: counting it too would count them twice.
        var counted = review.entries().stream().filter(e -> e.shape().deliverables() == null).toList();
        body.add(Cards.heading(texts.get("review.card.title", review.planName(), String.valueOf(review.year())))
                .put("size", "Large"));
        body.add(Cards.subtle(texts.get("review.card.subtitle", texts.dateTime(review.takenAt()),
                String.valueOf(counted.size()), String.valueOf(review.year()))));
        Map<String, int[]> counts = new LinkedHashMap<>();
        int[] total = new int[4];
        for (AnnualReview.Entry e : counted) {
            int index = e.status() == null ? 3 : e.status().ordinal();
            counts.computeIfAbsent(e.areaName(), k -> new int[4])[index]++;
            total[index]++;
        }
        ArrayNode facts = Cards.array();
        counts.forEach((area, c) -> facts.addObject().put("title", area).put("value", counts(texts, c)));
        facts.addObject().put("title", texts.get("review.card.total")).put("value", counts(texts, total));
        ObjectNode set = Cards.object().put("type", "FactSet");
        set.set("facts", facts);
        body.add(set);
        ObjectNode card = Cards.card(body);
        ArrayNode actions = Cards.array();
        if (pdfUrl != null) {
            actions.addObject().put("type", "Action.OpenUrl").put("title", texts.get("review.card.pdf"))
                    .put("url", pdfUrl);
        }
        if (mapPageUrl != null) {
            actions.addObject().put("type", "Action.OpenUrl").put("title", texts.get("digest.map"))
                    .put("url", mapPageUrl);
        }
        if (!actions.isEmpty()) {
            card.set("actions", actions);
        }
        return Cards.attachment(card);
    }

    private static String counts(Texts texts, int[] c) {
        return texts.get("review.card.counts", String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]),
                String.valueOf(c[3]));
    }
}
