package se.planpuls.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Whether an item expects a report, for reminders and digests. Plain logic over the item, its
 * report history and a clock; dates are taken in the region's zone.
 *
 * <ul>
 *   <li>A milestone or an assignment is {@link State#DONE} once reported reached, {@link State#LATE}
 *       when its due date (an assignment's report-back date) has passed without that, and otherwise
 *       {@link State#DUE} within {@link #DUE_SOON_DAYS} days of its date, else {@link State#NOT_YET}.</li>
 *   <li>A recurring commitment (and an indicator, whose report is a value) expects a report in every calendar period of its frequency from its
 *       start to the end of its due year: {@link State#LATE} when the period before the current one
 *       passed without a report and none came since, {@link State#DUE} while the current period has
 *       none, {@link State#REPORTED} when it has one, {@link State#NOT_YET} before its start and
 *       {@link State#DONE} after its end.</li>
 * </ul>
 */
public final class ReportDue {
    public static final int DUE_SOON_DAYS = 30;

    private ReportDue() {
    }

    public enum State { NOT_YET, DUE, REPORTED, LATE, DONE }

    /**
     * @param state       the item's state today
     * @param periodStart the current period's first day (for a milestone or assignment: today)
     * @param dueBy       when the expected report is due: the period's last day, or the item's date
     * @param remaining   for a count-based commitment, the reports still to come this year to meet its
     *                    minimum (0 once met); 0 for the other shapes
     */
    public record Assessment(State state, LocalDate periodStart, LocalDate dueBy, int remaining) {
        public Assessment(State state, LocalDate periodStart, LocalDate dueBy) {
            this(state, periodStart, dueBy, 0);
        }

        public boolean late() {
            return state == State.LATE;
        }

        public boolean reportExpected() {
            return state == State.DUE || state == State.LATE;
        }
    }

    /**
     * Assesses {@code item} with its reports (any order) as of {@code clock}'s today.
     *
     * @param planStart the plan's first day, the start of a recurring commitment without its own
     */
    public static Assessment assess(Milestone item, List<StatusReport> history, LocalDate planStart, Clock clock) {
        boolean reached = history.stream().max(Comparator.comparingLong(StatusReport::id))
                .filter(r -> r.status() == Status.REACHED).isPresent();
        return assess(item, reached, history.stream().map(StatusReport::reportedAt).toList(), planStart, clock);
    }

    /**
     * As {@link #assess(Milestone, List, LocalDate, Clock)}, from what it needs of the reports: whether
     * the latest says reached, and when each was made.
     */
    public static Assessment assess(Milestone item, boolean reached, List<Instant> reportedAt, LocalDate planStart,
                                    Clock clock) {
        return assess(item, reached, reportedAt, planStart, LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
    }

    /** As {@link #assess(Milestone, boolean, List, LocalDate, Clock)}, as of {@code today} in the region's zone. */
    public static Assessment assess(Milestone item, boolean reached, List<Instant> reportedAt, LocalDate planStart,
                                    LocalDate today) {
        LocalDate end = item.effectiveDueDate();
        if (item.shape().ongoing() || item.shape().timesPerYear() != null && item.frequency() == null) {
            return ShapedDue.assess(item, reached, reportedAt, planStart, today);
        }
        if (!item.kind().periodic() || item.frequency() == null) {
            if (reached) {
                return new Assessment(State.DONE, today, end);
            }
            if (today.isAfter(end)) {
                return new Assessment(State.LATE, today, end);
            }
            return new Assessment(today.plusDays(DUE_SOON_DAYS).isBefore(end) ? State.NOT_YET : State.DUE, today, end);
        }
        Frequency frequency = item.frequency();
        LocalDate start = item.startsOn() != null ? item.startsOn() : planStart;
        if (start != null && today.isBefore(frequency.periodStart(start))) {
            return new Assessment(State.NOT_YET, frequency.periodStart(start), frequency.periodEnd(start));
        }
        if (today.isAfter(end)) {
            LocalDate lastStart = frequency.periodStart(end);
            boolean lastReported = reportedBetween(reportedAt, lastStart, end);
            return new Assessment(lastReported ? State.DONE : State.LATE, lastStart, end);
        }
        LocalDate periodStart = frequency.periodStart(today);
        LocalDate periodEnd = frequency.periodEnd(today);
        if (reportedBetween(reportedAt, periodStart, periodEnd)) {
            return new Assessment(State.REPORTED, periodStart, periodEnd);
        }
        LocalDate previousStart = frequency.periodStart(periodStart.minusDays(1));
        boolean previousExpected = start == null || !previousStart.isBefore(frequency.periodStart(start));
        if (previousExpected && !reportedBetween(reportedAt, previousStart, periodStart.minusDays(1))) {
            return new Assessment(State.LATE, periodStart, periodEnd);
        }
        return new Assessment(State.DUE, periodStart, periodEnd);
    }

    private static boolean reportedBetween(List<Instant> reportedAt, LocalDate from, LocalDate to) {
        return reportedAt.stream().map(at -> LocalDate.ofInstant(at, WorkingCalendar.ZONE))
                .anyMatch(d -> !d.isBefore(from) && !d.isAfter(to));
    }
}
