package se.planpuls.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * A yearly stretch (the summer holidays) in which non-urgent prompts wait: it starts on the first
 * {@code weekday} of {@code month} and lasts {@code weeks} weeks.
 */
public record QuietPeriod(Month month, DayOfWeek weekday, int weeks) {
    /** The four weeks from the first Monday of July. */
    public static final QuietPeriod SUMMER = new QuietPeriod(Month.JULY, DayOfWeek.MONDAY, 4);

    public QuietPeriod {
        if (weeks < 1 || weeks > 12) {
            throw new IllegalArgumentException("a quiet period lasts 1 to 12 weeks");
        }
    }

    public LocalDate start(int year) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(weekday));
    }

    /** The last day of the period, inclusive. */
    public LocalDate end(int year) {
        return start(year).plusWeeks(weeks).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start(date.getYear())) && !date.isAfter(end(date.getYear()));
    }

    /** The date, or the first working day after the period when the date falls inside it. */
    public LocalDate postpone(LocalDate date, WorkingCalendar calendar) {
        return contains(date) ? calendar.plusWorkingDays(end(date.getYear()), 1) : date;
    }
}
