package se.planpuls.bot;

import java.util.Map;
import se.planpuls.domain.Status;

/**
 * A status card's Action.Submit value: the card's own data plus the owner's inputs, read from the
 * untyped map Teams sends and checked field by field.
 */
record CardSubmission(long milestoneId, Status status, String comment) {
    static final String ACTION = "planpuls";
    static final String REPORT = "report";
    static final String MILESTONE = "milestoneId";
    static final String STATUS = "status";
    static final String COMMENT = "comment";

    static boolean isReport(Object value) {
        return value instanceof Map<?, ?> map && REPORT.equals(map.get(ACTION));
    }

    /** Reads the submission; a bad field is reported as an {@link Invalid} naming it. */
    static CardSubmission parse(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new Invalid("card", "the card sent no values");
        }
        Object rawId = map.get(MILESTONE);
        long milestoneId;
        if (rawId == null) {
            throw new Invalid(MILESTONE, "the card names no milestone");
        } else if (rawId instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
            milestoneId = n.longValue();
        } else if (rawId instanceof String s && s.matches("\\d{1,18}")) {
            milestoneId = Long.parseLong(s);
        } else {
            throw new Invalid(MILESTONE, "the milestone id is not a number");
        }
        Object rawStatus = map.get(STATUS);
        Status status = rawStatus instanceof String s && !s.isBlank()
                ? Status.parse(s).orElseThrow(() -> new Invalid(STATUS, "unknown status"))
                : null;
        Object rawComment = map.get(COMMENT);
        if (rawComment != null && !(rawComment instanceof String)) {
            throw new Invalid(COMMENT, "the comment is not text");
        }
        return new CardSubmission(milestoneId, status, (String) rawComment);
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
