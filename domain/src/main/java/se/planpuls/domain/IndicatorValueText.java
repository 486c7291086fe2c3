package se.planpuls.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value as an owner types it after the indicator's code: a number with a decimal comma or point
 * ({@code 78}, {@code 78,5}, {@code -2.5}), its unit if they like ({@code 78 %}, {@code 78%}), then an
 * optional comment. A unit other than the indicator's, a number that is not one and a value out of
 * range are refused with the field and the problem named.
 */
public final class IndicatorValueText {
    private static final Pattern NUMBER = Pattern.compile("^([+-]?\\d+(?:[.,]\\d+)?)(.*)$", Pattern.DOTALL);

    private IndicatorValueText() {
    }

    /** A value and the comment after it (null when none). */
    public record Parsed(BigDecimal value, String comment) {
    }

    public static Parsed parse(String text, Indicator indicator) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            throw new InvalidInputException("value", "value.missing", "a value is required after the indicator");
        }
        Matcher m = NUMBER.matcher(rest);
        if (!m.matches()) {
            throw notNumber(rest.split("\\s+")[0]);
        }
        String number = m.group(1).replace(',', '.');
        // "78, bra jobbat": a separator after the number is not part of it.
        String after = m.group(2).replaceFirst("^[,;:](?=\\s|$)", "");
        if (!after.isEmpty() && !Character.isWhitespace(after.charAt(0)) && !after.startsWith("%")) {
            // "7x8" or "78kr": letters glued to the number are a wrong unit or not a number at all.
            String glued = after.split("\\s+")[0];
            if (!isUnit(glued)) {
                throw notNumber(m.group(1) + glued);
            }
        }
        after = after.strip();
        String first = after.isEmpty() ? "" : after.split("\\s+")[0];
        if (isUnit(first) || first.equalsIgnoreCase(indicator.unit())) {
            if (!Indicator.canonicalUnit(first).equalsIgnoreCase(indicator.unit())) {
                throw new InvalidInputException("unit", "value.wrongUnit",
                        "the unit is " + indicator.unit() + ", not " + first);
            }
            after = after.substring(first.length()).strip();
        } else if (indicator.unit().contains(" ") && after.toLowerCase(Locale.ROOT)
                .startsWith(indicator.unit().toLowerCase(Locale.ROOT))) {
            after = after.substring(indicator.unit().length()).strip();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw notNumber(m.group(1));
        }
        return new Parsed(indicator.checkValue(value), after.isEmpty() ? null : after);
    }

    private static boolean isUnit(String word) {
        String canonical = Indicator.canonicalUnit(word);
        return Indicator.KNOWN_UNITS.contains(canonical);
    }

    private static InvalidInputException notNumber(String word) {
        return new InvalidInputException("value", "value.notNumber", "'" + word + "' is not a number");
    }
}
