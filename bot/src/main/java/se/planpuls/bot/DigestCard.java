package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.List;
import java.util.function.Function;
import se.planpuls.domain.Digest;
import se.planpuls.domain.DependencyRisk;

/**
 * The weekly digest as one Adaptive Card: per-area counts, what changed, overdue, at risk, at risk
 * through dependencies, reports missing, owners the bot cannot reach, due soon, and the strategic
 * map (picture and link). Long lists are cut with "… and N more" to keep the card within Teams' size.
 */
final class DigestCard {
    static final int MAX_LINES = 12;

    private DigestCard() {
    }

    static Attachment of(Digest digest, Texts texts, String mapPageUrl, String mapImageUrl) {
        ArrayNode body = Cards.array();
        body.add(Cards.heading(texts.get("digest.title", digest.planName())).put("size", "Large"));
        body.add(Cards.subtle(texts.get("digest.subtitle", texts.date(digest.date()), texts.dateTime(digest.since()))));

        section(body, texts.get("digest.areas"));
        ArrayNode facts = Cards.array();
        for (Digest.AreaCounts a : digest.areas()) {
            facts.addObject().put("title", a.name()).put("value", texts.get("digest.area.counts",
                    String.valueOf(a.reached()), String.valueOf(a.inProgress()), String.valueOf(a.notStarted()),
                    String.valueOf(a.unreported()), String.valueOf(a.reportsMissing())));
        }
        ObjectNode factSet = Cards.object().put("type", "FactSet");
        factSet.set("facts", facts);
        body.add(factSet);

        list(body, texts, "digest.changes", "digest.changes.none", digest.changes(), c -> {
            String line = texts.get("digest.change", c.code(), c.title(), texts.status(c.from()), texts.status(c.to()),
                    c.reporterName(), texts.dateTime(c.reportedAt()));
            return c.comment() == null ? line : line + " " + texts.get("digest.change.comment", c.comment());
        });
        list(body, texts, "digest.overdue", "digest.overdue.none", digest.overdue(),
                i -> texts.get("digest.overdue.item", i.code(), i.title(), due(texts, i), owner(texts, i)));
        list(body, texts, "digest.atRisk", "digest.atRisk.none", digest.atRisk(),
                i -> texts.get("digest.atRisk.item", i.code(), i.title(),
                        i.expectedDate() == null ? texts.get("digest.atRisk.noDate") : texts.date(i.expectedDate()),
                        owner(texts, i)));
        list(body, texts, "digest.dependencies", "digest.dependencies.none", digest.dependencyRisks(),
                r -> texts.get("digest.dependencies.item", String.join(" ← ", r.chain()), r.title(),
                        texts.date(r.due()), reason(texts, r)));
        list(body, texts, "digest.missing", "digest.missing.none", digest.reportsMissing(),
                i -> texts.get("digest.missing.item", i.code(), i.title(), owner(texts, i)));
        list(body, texts, "digest.quality", "digest.quality.none", digest.quality(),
                q -> texts.get("digest.quality." + q.kind().name(), q.code(), q.title(),
                        q.date() == null ? "" : texts.date(q.date()),
                        q.ownerName() == null ? texts.get("digest.noOwner") : q.ownerName()));
        if (!digest.unreachableOwners().isEmpty()) {
            section(body, texts.get("digest.unreachable"));
            body.add(Cards.text(texts.get("digest.unreachable.text", String.join(", ", digest.unreachableOwners()))));
        }
        list(body, texts, "digest.dueSoon", "digest.dueSoon.none", digest.dueSoon(),
                i -> texts.get("digest.dueSoon.item", i.code(), i.title(), due(texts, i), owner(texts, i)));

        ObjectNode card = Cards.card(body);
        if (mapImageUrl != null) {
            body.addObject().put("type", "Image").put("url", mapImageUrl).put("altText", texts.get("digest.map.alt"))
                    .put("size", "Stretch").putObject("selectAction").put("type", "Action.OpenUrl").put("url", mapPageUrl);
        }
        if (mapPageUrl != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", texts.get("digest.map"))
                    .put("url", mapPageUrl);
        }
        card.putObject("msteams").put("width", "Full");
        return Cards.attachment(card);
    }

    private static <T> void list(ArrayNode body, Texts texts, String heading, String none, List<T> items,
                                 Function<T, String> line) {
        section(body, texts.get(heading));
        if (items.isEmpty()) {
            body.add(Cards.text(texts.get(none)).put("isSubtle", true));
            return;
        }
        StringBuilder text = new StringBuilder();
        items.stream().limit(MAX_LINES).forEach(item -> text.append("- ").append(line.apply(item)).append('\n'));
        if (items.size() > MAX_LINES) {
            text.append(texts.get("digest.more", String.valueOf(items.size() - MAX_LINES)));
        }
        body.add(Cards.text(text.toString().strip()));
    }

    private static void section(ArrayNode body, String title) {
        body.add(Cards.heading(title).put("separator", true).put("spacing", "Medium"));
    }

    private static String due(Texts texts, Digest.Item item) {
        String date = texts.date(item.due());
        return item.dateUncertain() ? texts.get("due.uncertain", date) : date;
    }

    private static String owner(Texts texts, Digest.Item item) {
        return item.ownerName() == null ? texts.get("digest.noOwner") : item.ownerName();
    }

    private static String reason(Texts texts, DependencyRisk risk) {
        String expected = risk.prerequisiteExpected() == null ? texts.get("digest.atRisk.noDate")
                : texts.date(risk.prerequisiteExpected());
        return switch (risk.reason()) {
            case OVERDUE -> texts.get("digest.reason.OVERDUE", risk.prerequisite(), texts.date(risk.prerequisiteDue()));
            case AT_RISK -> texts.get("digest.reason.AT_RISK", risk.prerequisite(), expected);
            case NOT_STARTED -> texts.get("digest.reason.NOT_STARTED", risk.prerequisite());
        };
    }
}
