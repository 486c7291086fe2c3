package se.planpuls.domain.rules;

/**
 * What any text the service stores may hold, the same on every database: no control characters
 * but tab, line feed and carriage return, and no half of a surrogate pair. PostgreSQL cannot store
 * a NUL at all and H2 can, so without this rule an H2 export could not be imported into PostgreSQL;
 * the other controls have no place in a plan, a name or a report either.
 */
public final class TextRules {
    private TextRules() {
    }

    /** True when {@code text} (null included) holds nothing this rule forbids. */
    public static boolean clean(String text) {
        return text == null || firstForbidden(text) < 0;
    }

    /** The index of the first character this rule forbids, or -1. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The refusal's words for {@code field}. */
    public static String message(String field) {
        return field + " must not contain control characters (such as NUL) or broken Unicode";
    }
}
