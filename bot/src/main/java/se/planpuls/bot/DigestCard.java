package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.planpuls.domain.Digest;
import se.planpuls.domain.DependencyRisk;

/**
 * The weekly digest as one Adaptive Card a leader takes in at a glance: a headline of the counts
 * first, the status per area as a table, then what changed, overdue, at risk, at risk through
 * dependencies (one line per milestone at risk with its late prerequisites), reports missing,
 * milestones without an owner, reports to check, owners the bot cannot reach, due soon, and the
 * strategic map. A long list shows its counts per area, with the lines behind "Visa alla"; the
 * lines are cut with "… and N more" to keep the card within Teams' size.
 */
final class DigestCard {
    static final int MAX_LINES = 12;
    /** A list longer than this shows its counts and keeps its lines behind "Visa alla". */
    static final int SHORT_LIST = 5;

    private DigestCard() {
    }

    static Attachment of(Digest digest, Texts texts, String mapPageUrl, String mapImageUrl) {
        return of(digest, texts, mapPageUrl, mapImageUrl, null);
    }

    /** As above; {@code statusImageUrl}, when not null, is the picture of the status per area (stacked bars). */
    static Attachment of(Digest digest, Texts texts, String mapPageUrl, String mapImageUrl, String statusImageUrl) {
        ArrayNode body = Cards.array();
        body.add(Cards.heading(texts.get("digest.title", digest.planName())).put("size", "Large"));
        body.add(Cards.subtle(texts.get("digest.subtitle", texts.date(digest.date()), texts.dateTime(digest.since()))));
        List<Digest.DependencyGroup> dependencies = digest.dependencyGroups();
        body.add(Cards.text(headline(digest, dependencies.size(), texts)).put("weight", "Bolder").put("size", "Medium"));

        section(body, texts.get("digest.areas"));
        if (statusImageUrl != null) {
            body.addObject().put("type", "Image").put("url", statusImageUrl).put("size", "Stretch")
                    .put("altText", statusAltText(digest, texts));
        }
        body.add(areaTable(digest, texts));
        indicators(body, digest, texts);

        // A new indicator value is a change too: listed after the status changes, each with its comment.
        List<String> changes = new ArrayList<>();
        digest.changes().forEach(c -> {
            String line = texts.get("digest.change", c.code(), c.title(), texts.status(c.from()), texts.status(c.to()),
                    c.reporterName(), texts.dateTime(c.reportedAt()));
            changes.add(c.comment() == null ? line : line + " " + texts.get("digest.change.comment", c.comment()));
        });
        digest.valuesReported().forEach(v -> {
            String line = texts.get("digest.value", v.code(), v.title(),
                    IndicatorCard.format(v.indicator(), v.value().value(), texts), v.value().reporterName(),
                    texts.dateTime(v.value().reportedAt()));
            changes.add(v.value().comment() == null ? line
                    : line + " " + texts.get("digest.change.comment", v.value().comment()));
        });
        list(body, texts, "digest.changes", "digest.changes.none", changes, null, line -> line);
        // A milestone nobody owns is listed once, in its own section, not as "no owner" among the overdue.
        List<Digest.Item> overdueOwned = digest.overdue().stream().filter(i -> i.ownerName() != null).toList();
        list(body, texts, "digest.overdue", "digest.overdue.none", overdueOwned, Digest.Item::area,
                i -> texts.get("digest.overdue.item", i.code(), i.title(), due(texts, i), owner(texts, i)));
        int overdueUnowned = digest.overdue().size() - overdueOwned.size();
        if (overdueUnowned > 0) {
            body.add(Cards.text(texts.get("digest.overdue.unowned", overdueUnowned)).put("isSubtle", true));
        }
        list(body, texts, "digest.atRisk", "digest.atRisk.none", digest.atRisk(), Digest.Item::area,
                i -> texts.get("digest.atRisk.item", i.code(), i.title(),
                        i.expectedDate() == null ? texts.get("digest.atRisk.noDate") : texts.date(i.expectedDate()),
                        owner(texts, i)));
        list(body, texts, "digest.dependencies", "digest.dependencies.none", dependencies, null,
                g -> texts.get("digest.dependencies.item", g.code(), g.title(), texts.date(g.due()),
                        prerequisites(g, texts)));
        list(body, texts, "digest.missing", "digest.missing.none", digest.reportsMissing(), Digest.Item::area,
                i -> texts.get("digest.missing.item", i.code(), i.title(), owner(texts, i)));
        list(body, texts, "digest.withoutOwner", "digest.withoutOwner.none", digest.withoutOwner(), Digest.Item::area,
                i -> texts.get(i.due().isBefore(digest.date()) ? "digest.withoutOwner.overdue" : "digest.withoutOwner.item",
                        i.code(), i.title(), due(texts, i)));
        list(body, texts, "digest.quality", "digest.quality.none", digest.quality(),
                q -> texts.get("digest.quality.kind." + q.kind().name()),
                q -> texts.get("digest.quality." + q.kind().name(), q.code(), q.title(),
                        q.date() == null ? "" : texts.date(q.date()),
                        q.ownerName() == null ? texts.get("digest.noOwner") : q.ownerName()));
        if (!digest.unreachableOwners().isEmpty()) {
            section(body, texts.get("digest.unreachable"));
            body.add(Cards.text(texts.get("digest.unreachable.text", String.join(", ", digest.unreachableOwners()))));
        }
        list(body, texts, "digest.dueSoon", "digest.dueSoon.none", digest.dueSoon(), Digest.Item::area,
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

    /** The state in one line: what changed, what is late or at risk, and the gaps. */
    static String headline(Digest digest, int atRiskThroughDependencies, Texts texts) {
        return texts.get("digest.headline", digest.changeCount(), digest.overdue().size(), digest.atRisk().size(),
                atRiskThroughDependencies, digest.reportsMissing().size(), digest.withoutOwner().size());
    }

    /** The counts per area in words, for the picture's alt text. */
    static String statusAltText(Digest digest, Texts texts) {
        List<String> areas = new ArrayList<>();
        for (Digest.AreaCounts a : digest.areas()) {
            areas.add(texts.get("digest.areas.alt.area", a.name(), a.reached(), a.inProgress(), a.notStarted(),
                    a.unreported()));
        }
        return texts.get("digest.areas.alt", String.join("; ", areas));
    }

    /** The status per area as a real table: a header row and a row per area, numbers in their own columns. */
    private static ObjectNode areaTable(Digest digest, Texts texts) {
        ObjectNode table = Cards.object().put("type", "Container");
        ArrayNode rows = table.putArray("items");
        rows.add(row(true, texts.get("digest.areas.area"), "🟢 " + texts.get("digest.areas.reached"),
                "🟡 " + texts.get("digest.areas.inProgress"), "🔴 " + texts.get("digest.areas.notStarted"),
                "⚪ " + texts.get("digest.areas.unreported"), texts.get("digest.areas.missing")));
        for (Digest.AreaCounts a : digest.areas()) {
            rows.add(row(false, a.name(), String.valueOf(a.reached()), String.valueOf(a.inProgress()),
                    String.valueOf(a.notStarted()), String.valueOf(a.unreported()), String.valueOf(a.reportsMissing())));
        }
        return table;
    }

    private static ObjectNode row(boolean header, String... cells) {
        ObjectNode set = Cards.object().put("type", "ColumnSet").put("spacing", header ? "Small" : "None");
        if (header) {
            set.put("separator", true);
        }
        ArrayNode columns = set.putArray("columns");
        for (int i = 0; i < cells.length; i++) {
            ObjectNode column = columns.addObject().put("type", "Column").put("width", i == 0 ? "stretch" : "60px");
            ObjectNode text = Cards.text(cells[i]).put("size", "Small");
            if (header) {
                text.put("weight", "Bolder").put("isSubtle", true);
            }
            if (i > 0) {
                text.put("horizontalAlignment", "Right");
            }
            column.putArray("items").add(text);
        }
        return set;
    }

    /**
     * Each indicator's latest value against its target, with its trend and, when the digest has one, its
     * sparkline beside it. A plan without indicators has no such section.
     */
    private static void indicators(ArrayNode body, Digest digest, Texts texts) {
        if (digest.indicators().isEmpty()) {
            return;
        }
        section(body, texts.get("digest.indicators"));
        digest.indicators().stream().limit(MAX_LINES).forEach(line -> {
            ObjectNode set = body.addObject().put("type", "ColumnSet").put("spacing", "Small");
            ArrayNode columns = set.putArray("columns");
            columns.addObject().put("type", "Column").put("width", "stretch").putArray("items")
                    .add(Cards.text(indicatorLine(line, texts)).put("size", "Small"));
            if (line.chartUrl() != null) {
                columns.addObject().put("type", "Column").put("width", "120px").putArray("items").addObject()
                        .put("type", "Image").put("url", line.chartUrl()).put("size", "Stretch")
                        .put("altText", texts.get("digest.indicator.alt", line.code()));
            }
        });
        if (digest.indicators().size() > MAX_LINES) {
            body.add(Cards.text(texts.get("digest.more", String.valueOf(digest.indicators().size() - MAX_LINES))));
        }
    }

    /** "HME-1 Medarbetarengagemang: 78,5 index ↑ · målet nått (mål: minst 77)" */
    static String indicatorLine(Digest.IndicatorLine line, Texts texts) {
        var progress = line.progress();
        var indicator = progress.indicator();
        String target = IndicatorCard.target(indicator, texts);
        if (progress.latest() == null) {
            return texts.get("digest.indicator.noValue", line.code(), line.title(), target);
        }
        return texts.get("digest.indicator.item", line.code(), line.title(), IndicatorCard.latestWithTrend(progress, texts),
                texts.get(progress.onTarget() ? "indicator.met" : "indicator.notMet"), target);
    }

    /** "7 förutsättningar försenade: PCA-5, HFI-2, …; 1 med risk för försening: …" */
    private static String prerequisites(Digest.DependencyGroup group, Texts texts) {
        Map<DependencyRisk.Reason, List<Digest.Prerequisite>> byReason = new EnumMap<>(DependencyRisk.Reason.class);
        group.prerequisites().forEach(p -> byReason.computeIfAbsent(p.reason(), r -> new ArrayList<>()).add(p));
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, list) -> parts.add(texts.get("digest.prerequisites." + reason.name(), list.size(),
                list.stream().map(p -> reason == DependencyRisk.Reason.AT_RISK && p.expected() != null
                        ? texts.get("digest.prerequisite.expected", p.code(), texts.date(p.expected()))
                        : p.code()).collect(Collectors.joining(", ")))));
        return String.join("; ", parts);
    }

    /**
     * A section: a short list as lines; a long one as its counts (per area, or per kind) with the lines
     * behind "Visa alla", cut after {@link #MAX_LINES}.
     */
    private static <T> void list(ArrayNode body, Texts texts, String heading, String none, List<T> items,
                                 Function<T, String> groupOf, Function<T, String> line) {
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
        ObjectNode lines = Cards.text(text.toString().strip());
        if (items.size() <= SHORT_LIST) {
            body.add(lines);
            return;
        }
        if (groupOf != null) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            items.forEach(item -> counts.merge(String.valueOf(groupOf.apply(item)), 1, Integer::sum));
            body.add(Cards.text(counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> texts.get("digest.group", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(" · "))));
        }
        String id = "all." + heading;
        ObjectNode toggle = body.addObject().put("type", "ActionSet");
        toggle.putArray("actions").addObject().put("type", "Action.ToggleVisibility")
                .put("title", texts.get("digest.showAll", items.size())).putArray("targetElements").add(id);
        ObjectNode detail = body.addObject().put("type", "Container").put("id", id).put("isVisible", false);
        detail.putArray("items").add(lines);
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
}
