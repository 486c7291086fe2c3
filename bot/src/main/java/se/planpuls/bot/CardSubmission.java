package se.planpuls.bot;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.Status;

/**
 * A card's Action.Submit value: the card's own data plus the inputs, read from the untyped map Teams
 * sends and checked field by field. Two actions exist: {@code report} (the status card) and
 * {@code judged} (the follow-up that asks how a reached milestone was judged reached).
 *
 * @param cardId for {@code judged}: the status card to turn into a receipt; else null
 * @param skip   for {@code judged}: the owner chose to report without saying how it was judged
 */
record CardSubmission(String action, long milestoneId, Status status, String comment, boolean atRisk,
                      LocalDate expectedDate, List<Long> effects, String cardId, boolean skip) {
    static final String ACTION = "planpuls";
    static final String REPORT = "report";
    static final String JUDGED = "judged";
    /** The card of several milestones ({@link PromptsCard}): a status input per row. */
    static final String ROWS = "reports";
    static final String MILESTONE = "milestoneId";
    static final String STATUS = "status";
    static final String COMMENT = "comment";
    static final String AT_RISK = "atRisk";
    static final String EXPECTED = "expectedDate";
    static final String EFFECTS = "effects";
    static final String CARD = "cardId";
    static final String SKIP = "skip";

    static boolean isOurs(Object value) {
        return value instanceof Map<?, ?> map && (REPORT.equals(map.get(ACTION)) || JUDGED.equals(map.get(ACTION))
                || ROWS.equals(map.get(ACTION)));
    }

    /** Reads the submission; a bad field is reported as an {@link Invalid} naming it. */
    static CardSubmission parse(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new Invalid("card", "the card sent no values");
        }
        Object action = map.get(ACTION);
        if (!REPORT.equals(action) && !JUDGED.equals(action)) {
            throw new Invalid("card", "the card is not a Planpuls report card");
        }
        Object rawCard = map.get(CARD);
        if (rawCard != null && !(rawCard instanceof String)) {
            throw new Invalid(CARD, "the card id is not text");
        }
        return fields(map, (String) action, milestoneId(map.get(MILESTONE)), "", (String) rawCard,
                bool(map.get(SKIP), SKIP));
    }

    /**
     * One row of a card of several milestones: its inputs carry the milestone's id as a suffix
     * ({@code status.12}); a row left without a status has a null status.
     */
    static CardSubmission row(Map<?, ?> map, long milestoneId, boolean skip) {
        return fields(map, REPORT, milestoneId, "." + milestoneId, null, skip);
    }

    /** The name of a row's input on a card of several milestones. */
    static String rowInput(String field, long milestoneId) {
        return field + "." + milestoneId;
    }

    private static CardSubmission fields(Map<?, ?> map, String action, long milestoneId, String suffix,
                                         String cardId, boolean skip) {
        Object rawStatus = map.get(STATUS + suffix);
        Status status = null;
        if (rawStatus instanceof String s && !s.isBlank()) {
            status = Status.parse(s).orElseThrow(() -> new Invalid(STATUS, "unknown status '" + s + "'"));
        } else if (rawStatus != null && !(rawStatus instanceof String)) {
            throw new Invalid(STATUS, "the status is not text");
        }
        Object rawComment = map.get(COMMENT + suffix);
        if (rawComment != null && !(rawComment instanceof String)) {
            throw new Invalid(COMMENT, "the comment is not text");
        }
        return new CardSubmission(action, milestoneId, status, (String) rawComment,
                bool(map.get(AT_RISK + suffix), AT_RISK), date(map.get(EXPECTED + suffix)),
                effects(map.get(EFFECTS + suffix)), cardId, skip);
    }

    static long milestoneId(Object raw) {
        if (raw == null) {
            throw new Invalid(MILESTONE, "the card names no milestone");
        } else if (raw instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
            return n.longValue();
        } else if (raw instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        throw new Invalid(MILESTONE, "the milestone id is not a number");
    }

    private static boolean bool(Object raw, String field) {
        if (raw == null || "".equals(raw)) {
            return false;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Boolean.parseBoolean((String) raw);
        }
        throw new Invalid(field, field + " must be true or false");
    }

    private static LocalDate date(Object raw) {
        if (raw == null || "".equals(raw)) {
            return null;
        }
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new Invalid(EXPECTED, "the expected date '" + s + "' is not a date");
            }
        }
        throw new Invalid(EXPECTED, "the expected date is not a date");
    }

    private static List<Long> effects(Object raw) {
        if (raw == null || "".equals(raw)) {
            return List.of();
        }
        Collection<?> items = raw instanceof String s ? List.of(s.split(","))
                : raw instanceof Collection<?> c ? c : null;
        if (items == null) {
            throw new Invalid(EFFECTS, "the effects are not a list");
        }
        List<Long> ids = new ArrayList<>();
        for (Object item : items) {
            String text = String.valueOf(item).strip();
            if (!text.matches("\\d{1,18}")) {
                throw new Invalid(EFFECTS, "'" + text + "' is not an effect id");
            }
            ids.add(Long.parseLong(text));
        }
        return ids;
    }

    /**
     * What was wrong with a card, in the reader's language: the field the card got wrong, named for
     * people; a problem without words of its own keeps the parser's.
     */
    static String problem(Invalid e, Texts texts) {
        String key = "card.problem." + e.field();
        return texts.has(key) ? texts.get(key) : e.getMessage();
    }

    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
