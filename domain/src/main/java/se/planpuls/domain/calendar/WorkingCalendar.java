package se.planpuls.domain.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The Swedish working calendar: Monday to Friday except the public holidays (röda dagar) that
 * Jollyday knows for Sweden, which include midsommarafton, julafton and nyårsafton as the region
 * treats them. Plain date arithmetic, no clock: callers say which day "today" is.
 */
public final class WorkingCalendar {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final HolidayManager holidays;

    private WorkingCalendar(HolidayManager holidays) {
        this.holidays = holidays;
    }

    /** Sweden's calendar; loading the holiday rules takes a moment, so share one instance. */
    public static WorkingCalendar sweden() {
        return new WorkingCalendar(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.isHoliday(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The date itself when it is a working day, else the working day before it. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The date itself when it is a working day, else the working day after it. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day {@code days} working days before {@code date} (the date itself not counted). */
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        if (days < 0) {
            return plusWorkingDays(date, -days);
        }
        LocalDate d = date;
        for (int left = days; left > 0; ) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return days == 0 ? onOrBefore(d) : d;
    }

    /** The working day {@code days} working days after {@code date} (the date itself not counted). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        if (days < 0) {
            return minusWorkingDays(date, -days);
        }
        LocalDate d = date;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return days == 0 ? onOrAfter(d) : d;
    }

    /** How many working days lie after {@code from} up to and including {@code to}; 0 when to is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    public LocalDate firstWorkingDayOfMonth(int year, Month month) {
        return onOrAfter(LocalDate.of(year, month, 1));
    }

    public LocalDate lastWorkingDayOfMonth(int year, Month month) {
        return onOrBefore(LocalDate.of(year, month, 1).with(TemporalAdjusters.lastDayOfMonth()));
    }
}
