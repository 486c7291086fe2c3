package se.planpuls.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.planpuls.domain.ImportException.Problem;

/**
 * What an indicator measures and aims for: its unit, a baseline (value and date) and a target (value,
 * date and direction). The frequency at which a value is expected and the owner are the item's own.
 * A target of {@link IndicatorDirection#INCREASE} or {@link IndicatorDirection#DECREASE} may leave
 * its value out: then it is judged against the value before.
 *
 * @param unit one of {@link #KNOWN_UNITS} or a short free text ("poäng", "besök per 1000 inv")
 */
public record Indicator(String unit, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                        LocalDate targetDate, IndicatorDirection direction) {
    public static final List<String> KNOWN_UNITS = List.of("%", "antal", "index", "kr", "dagar");
    public static final int MAX_UNIT = 40;
    /** Larger than any count or sum a region reports, small enough for the column's precision. */
    public static final BigDecimal MAX_ABS = new BigDecimal("1000000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> NON_NEGATIVE = Set.of("%", "antal", "kr", "dagar");

    public Indicator {
        unit = unit == null ? null : canonicalUnit(unit);
        baselineValue = plain(baselineValue);
        targetValue = plain(targetValue);
    }

    /** The value without trailing zeros and without an exponent, so 100.00 reads and writes as 100. */
    public static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    /** The known unit spelled as the plans spell it ({@code procent} is {@code %}), else the text as given. */
    public static String canonicalUnit(String unit) {
        String u = unit.strip();
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "%", "procent", "percent" -> "%";
            case "antal", "count" -> "antal";
            case "index" -> "index";
            case "kr", "kronor", "sek" -> "kr";
            case "dagar", "dag", "days" -> "dagar";
            default -> u;
        };
    }

    /** Every rule a definition obeys; {@code at} prefixes each field (e.g. {@code indicator.}). */
    public List<Problem> check(String at) {
        List<Problem> problems = new ArrayList<>();
        if (unit == null || unit.isBlank() || unit.length() > MAX_UNIT || unit.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(at + "unit", "unit is required: %, antal, index, kr, dagar or a text of at most "
                    + MAX_UNIT + " characters"));
        }
        if (direction == null) {
            problems.add(new Problem(at + "direction", "direction must be one of " + IndicatorDirection.CHOICES));
        } else if (direction.needsValue() && targetValue == null) {
            problems.add(new Problem(at + "target", "a target of " + direction.apiName() + " needs a value"));
        }
        if (baselineValue == null && baselineDate != null) {
            problems.add(new Problem(at + "baseline", "a baseline date needs a baseline value"));
        }
        if (unit != null) {
            rangeProblem(baselineValue).ifPresent(p -> problems.add(new Problem(at + "baseline", "baseline " + p)));
            rangeProblem(targetValue).ifPresent(p -> problems.add(new Problem(at + "target", "target " + p)));
        }
        for (var date : new LocalDate[] {baselineDate, targetDate}) {
            if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
                problems.add(new Problem(at + (date == baselineDate ? "baselineDate" : "targetDate"),
                        "dates must be between 2000 and 2100"));
            }
        }
        if (baselineDate != null && targetDate != null && targetDate.isBefore(baselineDate)) {
            problems.add(new Problem(at + "targetDate", "targetDate must not be before baselineDate"));
        }
        return problems;
    }

    /**
     * Why a value cannot be a value of this indicator, or empty: a percentage is 0-100; counts, sums and
     * days are not negative; and no value is beyond {@link #MAX_ABS} or has more than four decimals.
     */
    public java.util.Optional<String> rangeProblem(BigDecimal value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (value.abs().compareTo(MAX_ABS) > 0) {
            return java.util.Optional.of("must be between -" + MAX_ABS.toPlainString() + " and " + MAX_ABS.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 4) {
            return java.util.Optional.of("has more than four decimals");
        }
        if ("%".equals(unit) && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            return java.util.Optional.of("must be between 0 and 100 %");
        }
        if (NON_NEGATIVE.contains(unit) && value.signum() < 0) {
            return java.util.Optional.of("must not be negative (" + unit + ")");
        }
        return java.util.Optional.empty();
    }

    /** Throws when a reported value is out of this indicator's range; the field is {@code value}. */
    public BigDecimal checkValue(BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException("value", "value.missing", "value is required");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw new InvalidInputException("value", "value.tooPrecise", "value " + value.toPlainString()
                    + " has more than four decimals");
        }
        rangeProblem(value).ifPresent(problem -> {
            throw new InvalidInputException("value", "value.outOfRange", "value " + value.toPlainString() + " " + problem);
        });
        return plain(value);
    }

    /** Whether {@code latest} meets the target, {@code previous} being the value before it (or the baseline). */
    public boolean met(BigDecimal latest, BigDecimal previous) {
        if (latest == null || direction == null) {
            return false;
        }
        return direction.met(latest, targetValue, previous);
    }

    /** A value with its unit as people write it: {@code 78 %}, {@code 1 200 kr}, {@code 4,5 dagar}. */
    public String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        var format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        format.setGroupingUsed(false);
        return format.format(value) + " " + unit;
    }
}
