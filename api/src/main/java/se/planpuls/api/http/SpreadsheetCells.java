package se.planpuls.api.http;

/**
 * The one rule for text in a CSV the service writes: a cell a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, which
 * Excel and LibreOffice read as "this is text". {@link #undo} takes it off again on import, so
 * export then import gives back exactly what was exported.
 */
public final class SpreadsheetCells {
    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    public static String defuse(String value) {
        return value != null && needsApostrophe(value) ? "'" + value : value;
    }

    public static String undo(String value) {
        return value != null && value.startsWith("'") && needsApostrophe(value.substring(1)) ? value.substring(1) : value;
    }

    /**
     * A value that starts like a formula, or an apostrophe before one: the latter is defused too, so
     * that a text which itself begins {@code '=} is not mistaken for a defused one on the way back.
     */
    private static boolean needsApostrophe(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return TRIGGERS.indexOf(first) >= 0 || first == '\'' && needsApostrophe(value.substring(1));
    }
}
