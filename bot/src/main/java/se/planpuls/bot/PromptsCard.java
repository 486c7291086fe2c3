package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planpuls.domain.Effect;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;

/**
 * Several milestones on one card, so an owner of many gets one message instead of one per
 * milestone: each row says what is asked and offers a compact status choice that expands to the
 * full form (at risk, new date, comment, effects seen); one submit reports every row given a status,
 * and the card is then redrawn in place with a receipt on each reported row. Used for the reminders
 * due to one owner on one day, the check-in and {@code mina milstolpar}.
 *
 * <p>The submit's data carries the rows ({@link Row#data()}), so the card can be redrawn from them
 * and the database alone after a submit.
 */
final class PromptsCard {
    /** Rows with a form; beyond them a row only names the milestone and how to open it. */
    static final int MAX_FORMS = 12;
    /**
     * Teams refuses a message over about 28 KB; the card stays under this many bytes of JSON, with
     * room for the activity around it, by giving fewer rows a form.
     */
    static final int MAX_BYTES = 24_000;
    static final String ROWS = "rows";
    static final String TITLE = "title";

    private PromptsCard() {
    }

    /** Where a row stands. */
    enum State {
        /** Waiting for a status. */
        OPEN,
        /** Reported from this card: it shows the receipt. */
        REPORTED,
        /** Reported reached without a comment: asked what shows it reached; a second submit stores it. */
        JUDGED_ASKED
    }

    /**
     * One row.
     *
     * @param asked   the reminder the row answers, or null for a row of a list (check-in, my milestones)
     * @param problem why the row's last submit was refused, shown on it; null when none
     * @param flags   what the owner should put right in the last report (stale, expected date passed, ...)
     * @param indicator an indicator's definition, whose unit labels its number field; null for another kind
     */
    record Row(MilestoneView view, ReminderKey asked, List<Effect> effects, State state, String problem,
               List<QualityFlag> flags, Indicator indicator) {
        Row(MilestoneView view, ReminderKey asked, List<Effect> effects, State state, String problem) {
            this(view, asked, effects, state, problem, List.of());
        }

        Row(MilestoneView view, ReminderKey asked, List<Effect> effects, State state, String problem,
            List<QualityFlag> flags) {
            this(view, asked, effects, state, problem, flags, null);
        }

        long milestoneId() {
            return view.milestone().id();
        }

        boolean notice() {
            return asked != null && asked.kind() == ReminderKind.ESCALATION;
        }

        /** What the submit carries of this row, enough to draw it again. */
        ObjectNode data() {
            ObjectNode data = Cards.object().put(CardSubmission.MILESTONE, milestoneId()).put("state", state.name());
            if (asked != null) {
                data.put("kind", asked.kind().name()).put("date", asked.dueDate().toString()).put("step", asked.step());
            }
            return data;
        }
    }

    /** A row read back from a submit's data; the view is looked up again by the caller. */
    record RowRef(long milestoneId, ReminderKey asked, State state) {
    }

    /**
     * The card.
     *
     * @param titleKey the bundle key of the small title line
     * @param intro    the text under it (already in the reader's language)
     */
    static Attachment of(String titleKey, String intro, List<Row> rows, Owner reader, Texts texts) {
        ObjectNode card = card(titleKey, intro, rows, reader, texts, MAX_FORMS);
        for (int forms = MAX_FORMS - 1; forms > 0 && sizeAtMost(card) > MAX_BYTES && size(card) > MAX_BYTES; forms--) {
            card = card(titleKey, intro, rows, reader, texts, forms);
        }
        return Cards.attachment(card);
    }

    // Jackson writes a character outside the BMP (the status symbols) as two 3-byte halves unless told to
    // combine them into the 4 bytes UTF-8 has, which is what goes out to Teams.
    private static final com.fasterxml.jackson.databind.ObjectWriter SIZE_WRITER =
            new com.fasterxml.jackson.databind.ObjectMapper().writer()
                    .with(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    /**
     * The card's size in UTF-8 bytes, counted as it is written rather than written into a string and
     * then encoded again: on {@code mina milstolpar} the copy cost a tenth of the turn.
     */
    static int size(ObjectNode card) {
        var counter = new java.io.OutputStream() {
            long bytes;

            @Override
            public void write(int b) {
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes += len;
            }
        };
        try {
            SIZE_WRITER.writeValue(counter, card);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return (int) counter.bytes;
    }

    /**
     * A bound the card's size in UTF-8 bytes cannot exceed, added up from its texts without writing it:
     * most cards are far under the limit, and only one near it is then written out to count exactly.
     * Each character is taken at the most JSON and UTF-8 make of it: a control character six bytes (its
     * escape), a quote or backslash two, others one to three (a surrogate half three, though the pair is
     * written in four).
     */
    static int sizeAtMost(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            int bytes = 2;
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                bytes += textAtMost(field.getKey()) + 2 + sizeAtMost(field.getValue());
            }
            return bytes;
        }
        if (node.isArray()) {
            int bytes = 2;
            for (var element : node) {
                bytes += sizeAtMost(element) + 1;
            }
            return bytes;
        }
        return node.isTextual() ? textAtMost(node.textValue()) : node.toString().length();
    }

    private static int textAtMost(String text) {
        int bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    private static ObjectNode card(String titleKey, String intro, List<Row> rows, Owner reader, Texts texts,
                                   int maxForms) {
        ArrayNode body = Cards.array();
        body.add(Cards.subtle(texts.get(titleKey)));
        body.add(Cards.text(intro).put("weight", "Bolder"));
        int forms = 0;
        boolean open = false;
        List<String> overflow = new ArrayList<>();
        for (Row row : rows) {
            boolean wantsForm = !row.notice() && row.state() != State.REPORTED
                    && !(row.view().reached() && row.asked() == null);
            if (wantsForm && forms >= maxForms) {
                // Named in one line at the end: a row each would not fit in one message.
                overflow.add(row.view().milestone().code());
                continue;
            }
            ObjectNode container = body.addObject();
            container.put("type", "Container");
            container.put("separator", true);
            container.put("spacing", "Medium");
            ArrayNode items = container.putArray("items");
            var m = row.view().milestone();
            if (row.notice()) {
                items.add(Cards.text(texts.get("reminder.escalation", m.code() + " " + m.title(),
                        texts.date(row.asked().dueDate()), row.view().ownerName() == null ? "–" : row.view().ownerName(),
                        row.view().areaName())));
                continue;
            }
            items.add(Cards.text(row.asked() == null ? MyMilestonesCommand.line(row.view(), reader, texts)
                    : ReminderCard.header(row.asked(), m, m.code() + " " + m.title(), texts)
                            + (m.shape().ownerGroupId() == null ? ""
                                    : " " + texts.get("my.forGroup", row.view().ownerName()))));
            if (row.state() == State.REPORTED && row.view().latest() != null) {
                StatusReport receipt = row.view().latest();
                items.add(Cards.text("✔ " + texts.get("prompts.reported", StatusCard.lastReport(receipt, texts)))
                        .put("color", "Good").put("spacing", "None"));
                if (receipt.comment() != null) {
                    items.add(Cards.subtle(texts.get("card.receipt.comment") + ": " + receipt.comment()));
                }
                continue;
            }
            if (row.asked() != null) {
                StatusReport latest = row.view().latest();
                items.add(Cards.subtle(texts.get("card.current") + ": "
                        + (latest == null ? texts.get("card.current.none") : StatusCard.lastReport(latest, texts))));
            }
            if (row.view().reached() && row.asked() == null) {
                continue;
            }
            forms++;
            if (m.kind() == se.planpuls.domain.ItemKind.INDICATOR) {
                // An indicator is answered with a number, through a submit of its own.
                IndicatorCard.form(items, m.id(), row.indicator(), texts);
                continue;
            }
            open = true;
            row.flags().forEach(flag -> items.add(flag(flag, texts)));
            if (row.problem() != null) {
                items.add(Cards.text(row.problem()).put("color", "Attention"));
            }
            form(items, row, texts);
        }
        if (!overflow.isEmpty()) {
            body.add(Cards.text(texts.get("prompts.overflow", overflow.size(), String.join(", ", overflow),
                    overflow.get(0))).put("separator", true));
        }
        ObjectNode card = Cards.card(body);
        if (open) {
            ObjectNode data = Cards.object().put(CardSubmission.ACTION, CardSubmission.ROWS).put(TITLE, titleKey);
            ArrayNode refs = data.putArray(ROWS);
            rows.forEach(r -> refs.add(r.data()));
            ObjectNode submit = card.putArray("actions").addObject();
            submit.put("type", "Action.Submit");
            submit.put("title", texts.get("card.submit"));
            submit.put("style", "positive");
            submit.set("data", data);
        }
        return card;
    }

    /** The compact status choice, and the rest of the form behind a toggle. */
    private static void form(ArrayNode items, Row row, Texts texts) {
        long id = row.milestoneId();
        StatusReport latest = row.view().latest();
        ObjectNode choice = items.addObject();
        choice.put("type", "Input.ChoiceSet");
        choice.put("id", CardSubmission.rowInput(CardSubmission.STATUS, id));
        choice.put("label", texts.get("card.status.label"));
        choice.put("style", "compact");
        choice.put("placeholder", texts.get("prompts.status.placeholder"));
        ArrayNode choices = choice.putArray("choices");
        for (Status status : Status.values()) {
            choices.addObject().put("title", texts.status(status)).put("value", status.name());
        }
        String more = "more." + id;
        ObjectNode toggle = items.addObject();
        toggle.put("type", "ActionSet");
        ObjectNode action = toggle.putArray("actions").addObject();
        action.put("type", "Action.ToggleVisibility");
        action.put("title", texts.get("prompts.more"));
        action.putArray("targetElements").add(more);

        ObjectNode details = items.addObject();
        details.put("type", "Container");
        details.put("id", more);
        // A row whose submit was refused, or whose expected date has passed, opens with its form, so the
        // owner sees what to change.
        details.put("isVisible", row.problem() != null || row.flags().stream()
                .anyMatch(f -> f.kind() == QualityFlag.Kind.EXPECTED_DATE_PASSED));
        ArrayNode fields = details.putArray("items");
        ObjectNode risk = fields.addObject();
        risk.put("type", "Input.Toggle");
        risk.put("id", CardSubmission.rowInput(CardSubmission.AT_RISK, id));
        risk.put("title", texts.get("card.atRisk"));
        risk.put("valueOn", "true");
        risk.put("valueOff", "false");
        risk.put("value", "false");
        ObjectNode expected = fields.addObject();
        expected.put("type", "Input.Date");
        expected.put("id", CardSubmission.rowInput(CardSubmission.EXPECTED, id));
        expected.put("label", texts.get("card.expectedDate"));
        ObjectNode comment = fields.addObject();
        comment.put("type", "Input.Text");
        comment.put("id", CardSubmission.rowInput(CardSubmission.COMMENT, id));
        comment.put("label", texts.get("card.comment.label"));
        comment.put("placeholder", texts.get("card.comment.placeholder"));
        comment.put("isMultiline", true);
        comment.put("maxLength", se.planpuls.db.ReportService.MAX_COMMENT);
        if (!row.effects().isEmpty()) {
            ObjectNode seen = fields.addObject();
            seen.put("type", "Input.ChoiceSet");
            seen.put("id", CardSubmission.rowInput(CardSubmission.EFFECTS, id));
            seen.put("label", texts.get("card.effects"));
            seen.put("isMultiSelect", true);
            seen.put("style", "expanded");
            ArrayNode options = seen.putArray("choices");
            for (Effect effect : row.effects()) {
                options.addObject().put("title", effect.text()).put("value", String.valueOf(effect.id()));
            }
        }
    }

    /** A report-quality flag as the owner reads it in a prompt. */
    static ObjectNode flag(QualityFlag flag, Texts texts) {
        return Cards.text("⚠ " + texts.get("prompt.flag." + flag.kind().name(),
                flag.date() == null ? "" : texts.date(flag.date()))).put("color", "Warning");
    }

    /** The rows a submit carries, in the card's order; a row that cannot be read is left out. */
    static List<RowRef> rows(Map<?, ?> value) {
        Object raw = value.get(ROWS);
        if (!(raw instanceof List<?> list)) {
            throw new CardSubmission.Invalid("card", "the card lists no milestones");
        }
        Map<Long, RowRef> rows = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> row)) {
                continue;
            }
            long id = CardSubmission.milestoneId(row.get(CardSubmission.MILESTONE));
            rows.putIfAbsent(id, new RowRef(id, asked(id, row).orElse(null), state(row.get("state"))));
        }
        if (rows.isEmpty()) {
            throw new CardSubmission.Invalid("card", "the card lists no milestones");
        }
        return new ArrayList<>(rows.values());
    }

    private static Optional<ReminderKey> asked(long id, Map<?, ?> row) {
        try {
            if (row.get("kind") instanceof String kind && row.get("date") instanceof String date) {
                int step = row.get("step") instanceof Number n ? n.intValue() : 0;
                return Optional.of(new ReminderKey(id, ReminderKind.valueOf(kind), LocalDate.parse(date), step));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // A row whose reminder cannot be read is drawn as a plain row.
        }
        return Optional.empty();
    }

    private static State state(Object raw) {
        if (raw instanceof String s) {
            for (State state : State.values()) {
                if (state.name().equals(s)) {
                    return state;
                }
            }
        }
        return State.OPEN;
    }
}
