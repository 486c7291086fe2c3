package se.planpuls.domain.reminder;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.calendar.QuietPeriod;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * A plan's reminder policy. Every field is checked; a bad one is named in an
 * {@link InvalidInputException}.
 *
 * @param deadlineDays     working days before a milestone's due date at which its owner is reminded
 * @param overdue          whether an overdue reminder goes out on the first working day after the due date
 * @param reviewDate       the annual review's date in each year (moved back to a working day), or null for
 *                         the last working day of January
 * @param reviewDays       working days before the review at which owners are asked for status and effects
 * @param checkInMonths    a regular check-in every this many months (on the month's first working day); 0: none
 * @param checkInSkipDays  no check-in for a milestone reported (or prompted) within this many days
 * @param followUpAfter    working days without an answer after a prompt before the one follow-up
 * @param missingAfter     working days without an answer after which the report is marked missing
 * @param quietPeriod      when non-urgent prompts wait, or null for none
 * @param staleAfterDays   a report older than this many days, on a milestone not reached, is shown to leaders as stale
 */
public record ReminderPolicy(List<Integer> deadlineDays, boolean overdue, MonthDay reviewDate,
                             List<Integer> reviewDays, int checkInMonths, int checkInSkipDays, int followUpAfter,
                             int missingAfter, QuietPeriod quietPeriod, int staleAfterDays) {
    /** Reports older than this many days are stale unless a plan says otherwise. */
    public static final int DEFAULT_STALE_AFTER_DAYS = 60;

    /** Deadline steps at or below this many working days are urgent: the quiet period does not hold them. */
    public static final int URGENT_WITHIN = 5;

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(20, 10, 5, 1), true, null,
            List.of(15, 5), 1, 14, 5, 10, QuietPeriod.SUMMER, DEFAULT_STALE_AFTER_DAYS);

    /** A policy with the default {@code staleAfterDays}. */
    public ReminderPolicy(List<Integer> deadlineDays, boolean overdue, MonthDay reviewDate, List<Integer> reviewDays,
                          int checkInMonths, int checkInSkipDays, int followUpAfter, int missingAfter,
                          QuietPeriod quietPeriod) {
        this(deadlineDays, overdue, reviewDate, reviewDays, checkInMonths, checkInSkipDays, followUpAfter,
                missingAfter, quietPeriod, DEFAULT_STALE_AFTER_DAYS);
    }

    public ReminderPolicy {
        deadlineDays = steps("deadlineDays", deadlineDays);
        reviewDays = steps("reviewDays", reviewDays);
        if (!List.of(0, 1, 2, 3, 4, 6, 12).contains(checkInMonths)) {
            throw invalid("checkInMonths", "checkInMonths must be 0 (none), 1, 2, 3, 4, 6 or 12");
        }
        if (checkInSkipDays < 0 || checkInSkipDays > 365) {
            throw invalid("checkInSkipDays", "checkInSkipDays must be from 0 to 365");
        }
        if (followUpAfter < 1 || followUpAfter > 60) {
            throw invalid("followUpAfter", "followUpAfter must be from 1 to 60 working days");
        }
        if (missingAfter <= followUpAfter || missingAfter > 120) {
            throw invalid("missingAfter", "missingAfter must be more than followUpAfter and at most 120 working days");
        }
        if (staleAfterDays < 1 || staleAfterDays > 730) {
            throw invalid("staleAfterDays", "staleAfterDays must be from 1 to 730");
        }
    }

    private static List<Integer> steps(String field, List<Integer> steps) {
        if (steps == null || steps.size() > 10) {
            throw invalid(field, field + " must be a list of at most 10 numbers of working days");
        }
        for (Integer step : steps) {
            if (step == null || step < 1 || step > 250) {
                throw invalid(field, field + " must hold numbers of working days from 1 to 250");
            }
        }
        if (steps.stream().distinct().count() != steps.size()) {
            throw invalid(field, field + " must not repeat a number");
        }
        return steps.stream().sorted((a, b) -> b - a).toList();
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(field, field + ".invalid", message);
    }

    /**
     * The year a review held on this date reviews: one in the first half of the year reviews the
     * year before (January 2027 reviews 2026), a later one its own year.
     */
    public static int yearReviewed(LocalDate reviewDate) {
        return reviewDate.getMonthValue() <= Month.JUNE.getValue() ? reviewDate.getYear() - 1 : reviewDate.getYear();
    }

    /** The date the review of {@code reviewedYear} is held, the one {@link #yearReviewed} maps back to it. */
    public LocalDate reviewDateOf(int reviewedYear, WorkingCalendar calendar) {
        LocalDate next = reviewDate(reviewedYear + 1, calendar);
        return yearReviewed(next) == reviewedYear ? next : reviewDate(reviewedYear, calendar);
    }

    /** The review date in {@code year}: the configured day moved back to a working day, or January's last. */
    public LocalDate reviewDate(int year, WorkingCalendar calendar) {
        if (reviewDate == null) {
            return calendar.lastWorkingDayOfMonth(year, Month.JANUARY);
        }
        return calendar.onOrBefore(reviewDate.atYear(year));
    }
}
