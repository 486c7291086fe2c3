package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.planpuls.domain.Effect;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;

/**
 * The card an owner reports on: what the milestone is, how it is judged reached, the latest report,
 * and inputs for status, at risk with an expected date, a comment and the effects already seen. Its
 * submit carries {@link CardSubmission}'s fields.
 */
final class StatusCard {
    static final int MAX_JUDGED_LENGTH = 600;

    private StatusCard() {
    }

    static Attachment of(MilestoneView view, Texts texts, LocalDate today) {
        return of(view, List.of(), texts, today);
    }

    /** The card as of {@code today}, which picks a recurring commitment's current period. */
    static Attachment of(MilestoneView view, List<Effect> effects, Texts texts, LocalDate today) {
        return of(view, effects, List.of(), texts, today);
    }

    /** As the plain card, with a parent's sub-deliverables listed under it and their status summarised. */
    static Attachment of(MilestoneView view, List<Effect> effects, List<MilestoneView> children, Texts texts,
                         LocalDate today) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("card.area") + ": " + view.areaName()));
        body.add(Cards.heading(m.code() + " " + m.title()));
        StatusReport latest = view.latest();
        List<String> facts = new ArrayList<>(when(m, texts, today));
        String owner = view.ownerName() == null ? "–" : m.shape().ownerGroupId() != null
                ? texts.get("card.ownerGroup", view.ownerName()) : view.ownerName();
        facts.addAll(List.of(texts.get("card.owner"), owner,
                texts.get("card.current"), latest == null ? texts.get("card.current.none") : lastReport(latest, texts)));
        body.add(Cards.facts(facts.toArray(String[]::new)));
        if (!children.isEmpty()) {
            body.add(Cards.text("**" + texts.get("card.children") + "** · "
                    + ItemTree.summary(children, texts, today)));
            for (MilestoneView child : children) {
                body.add(Cards.text("↳ " + child.milestone().code() + " " + child.milestone().title() + ": "
                        + texts.status(child.currentStatus().orElse(null))).put("spacing", "None"));
            }
        }
        if (latest != null && latest.comment() != null) {
            body.add(Cards.text(texts.get("card.lastComment") + ": " + latest.comment()).put("isSubtle", true));
        }
        // Where the plan states no criterion, its description is shown as what it is, not as one.
        body.add(Cards.text("**" + texts.get(m.criterionStated() ? "card.reachedWhen" : "card.description") + "**"));
        body.add(Cards.text(shorten(m.judgedBy())).put("spacing", "None"));

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

        ObjectNode risk = body.addObject();
        risk.put("type", "Input.Toggle");
        risk.put("id", CardSubmission.AT_RISK);
        risk.put("title", texts.get("card.atRisk"));
        risk.put("valueOn", "true");
        risk.put("valueOff", "false");
        risk.put("value", "false");
        ObjectNode expected = body.addObject();
        expected.put("type", "Input.Date");
        expected.put("id", CardSubmission.EXPECTED);
        expected.put("label", texts.get("card.expectedDate"));

        ObjectNode comment = body.addObject();
        comment.put("type", "Input.Text");
        comment.put("id", CardSubmission.COMMENT);
        comment.put("label", texts.get("card.comment.label"));
        comment.put("placeholder", texts.get("card.comment.placeholder"));
        comment.put("isMultiline", true);
        comment.put("maxLength", se.planpuls.db.ReportService.MAX_COMMENT);

        if (!effects.isEmpty()) {
            ObjectNode seen = body.addObject();
            seen.put("type", "Input.ChoiceSet");
            seen.put("id", CardSubmission.EFFECTS);
            seen.put("label", texts.get("card.effects"));
            seen.put("isMultiSelect", true);
            seen.put("style", "expanded");
            ArrayNode options = seen.putArray("choices");
            for (Effect effect : effects) {
                String tags = effect.audiences().isEmpty() ? "" : " (" + String.join(", ", effect.audiences()) + ")";
                options.addObject().put("title", effect.text() + tags).put("value", String.valueOf(effect.id()));
            }
        }

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

    /**
     * The read-only receipt that replaces the card once a report is stored: what was reported, by
     * whom (on whose behalf), when.
     */
    static Attachment receipt(MilestoneView view, StatusReport report, String onBehalfOf, List<Effect> seen,
                              Texts texts) {
        return receipt(view, report, onBehalfOf, null, seen, texts);
    }

    /** As the plain receipt, saying which group ({@code forGroup}, or null) the reporter answered for. */
    static Attachment receipt(MilestoneView view, StatusReport report, String onBehalfOf, String forGroup,
                              List<Effect> seen, Texts texts) {
        var m = view.milestone();
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get("card.receipt.title") + " ✔"));
        body.add(Cards.heading(m.code() + " " + m.title()));
        String by = forGroup != null ? texts.get("report.forGroup", report.reporterName(), forGroup)
                : onBehalfOf == null ? report.reporterName()
                : texts.get("report.onBehalf", report.reporterName(), onBehalfOf);
        ObjectNode facts = Cards.facts(
                texts.get("card.receipt.status"), texts.status(report.status()),
                texts.get("card.receipt.comment"),
                report.comment() == null ? texts.get("card.receipt.noComment") : report.comment(),
                texts.get("card.receipt.by"), by,
                texts.get("card.receipt.when"), texts.dateTime(report.reportedAt()));
        if (report.atRisk()) {
            ((ArrayNode) facts.get("facts")).addObject().put("title", texts.get("card.receipt.atRisk"))
                    .put("value", texts.get("card.receipt.expected", texts.date(report.expectedDate())));
        }
        if (!seen.isEmpty()) {
            ((ArrayNode) facts.get("facts")).addObject().put("title", texts.get("card.receipt.effects"))
                    .put("value", seen.stream().map(Effect::text).collect(Collectors.joining("; ")));
        }
        body.add(facts);
        return Cards.attachment(Cards.card(body));
    }

    /**
     * When the item is due, in its kind's words: a milestone its due date; an assignment whom it
     * reports back to and by when; a recurring commitment its current period and when it ends.
     */
    private static List<String> when(Milestone m, Texts texts, LocalDate today) {
        return switch (m.kind()) {
            case MILESTONE -> List.of(texts.get("card.due"), texts.due(m));
            case ASSIGNMENT -> m.reportTo() == null ? List.of(texts.get("card.reportBy"), texts.due(m))
                    : List.of(texts.get("card.reportTo"), String.join(", ", m.shape().reportTo()),
                            texts.get("card.reportBy"), texts.due(m));
            case RECURRING, INDICATOR -> {
                Frequency frequency = m.frequency();
                if (m.shape().timesPerYear() != null) {
                    yield List.of(texts.get("card.often"), texts.timesPerYear(m.shape().timesPerYear()),
                            texts.get("card.runsUntil"), texts.due(m));
                }
                LocalDate end = m.effectiveDueDate();
                if (frequency == null || today.isAfter(end)) {
                    yield List.of(texts.get("card.runsUntil"), texts.due(m));
                }
                LocalDate start = m.startsOn() != null && today.isBefore(m.startsOn()) ? m.startsOn() : today;
                LocalDate periodEnd = frequency.periodEnd(start).isAfter(end) ? end : frequency.periodEnd(start);
                yield List.of(texts.get("card.period"), texts.get("card.period.value",
                                texts.date(frequency.periodStart(start)), texts.date(periodEnd)),
                        texts.get("card.runsUntil"), texts.due(m));
            }
        };
    }

    static String lastReport(StatusReport latest, Texts texts) {
        String value = texts.get("card.current.value", texts.status(latest.status()),
                texts.dateTime(latest.reportedAt()), latest.reporterName());
        return latest.atRisk() ? value + " · " + texts.get("card.receipt.expected", texts.date(latest.expectedDate()))
                : value;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_JUDGED_LENGTH ? text : text.substring(0, MAX_JUDGED_LENGTH - 1) + "…";
    }
}
