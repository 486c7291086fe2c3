package se.planpuls.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count-based frequency: at least {@code min} reports in each calendar year, and at most
 * {@code max} when one is set. Södra's "minst fyra gånger per år" is min 4; "1-2 gånger per år" is
 * min 1 max 2. Unlike a period-based {@link Frequency} it does not ask for one report in each
 * quarter: four reports in one half-year are four reports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimesPerYear(int min, Integer max) {
    private static final Pattern TEXT = Pattern.compile("^\\s*(\\d{1,3})\\s*(?:(\\+)|-\\s*(\\d{1,3}))?\\s*$");

    /** How the year's reports stand against the count, as of a day in that year. */
    public enum Pace { ON_TRACK, BEHIND, LATE, OVER_MAX }

    /**
     * Parses the CSV spelling: {@code 4+} or {@code 4} (at least four), {@code 1-2} (one to two).
     * Empty when the text is not one of these; the numbers themselves are checked by the rules.
     */
    public static Optional<TimesPerYear> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int min = Integer.parseInt(m.group(1));
        return Optional.of(new TimesPerYear(min, m.group(3) == null ? null : Integer.parseInt(m.group(3))));
    }

    /** The CSV spelling that {@link #parse} reads back. */
    public String text() {
        return max == null ? min + "+" : min + "-" + max;
    }

    /**
     * Judges {@code reportsSoFar} reports made this year, as of {@code today}, for an item that
     * expects reports from {@code from} (its start or the first of January, whichever is later) to
     * the end of the year. The pace is the share of {@link #min} that the time gone calls for,
     * rounded down: at or above it the item is on track; one report short it is behind (a
     * reminder is due, nothing is late yet); two or more short, or short of the minimum when the
     * year is over, it is late. Reports beyond {@link #max} are over the maximum.
     */
    public Pace judge(int reportsSoFar, LocalDate from, LocalDate today) {
        if (max != null && reportsSoFar > max) {
            return Pace.OVER_MAX;
        }
        if (reportsSoFar >= min) {
            return Pace.ON_TRACK;
        }
        LocalDate yearEnd = LocalDate.of(today.getYear(), 12, 31);
        LocalDate start = from == null || from.getYear() < today.getYear() ? LocalDate.of(today.getYear(), 1, 1) : from;
        if (today.isBefore(start)) {
            return Pace.ON_TRACK;
        }
        long span = ChronoUnit.DAYS.between(start, yearEnd) + 1;
        long gone = ChronoUnit.DAYS.between(start, today) + 1;
        int expected = (int) Math.floor((double) min * gone / span);
        int shortBy = expected - reportsSoFar;
        if (shortBy <= 0) {
            return Pace.ON_TRACK;
        }
        return shortBy == 1 ? Pace.BEHIND : Pace.LATE;
    }

    /**
     * Judges a year that is over, with {@code reports} made in it: short of the minimum is late, however
     * the reports were spread; beyond the maximum is over it.
     */
    public Pace closedYear(int reports) {
        if (max != null && reports > max) {
            return Pace.OVER_MAX;
        }
        return reports >= min ? Pace.ON_TRACK : Pace.LATE;
    }
}
