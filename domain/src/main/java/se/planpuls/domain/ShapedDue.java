package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.planpuls.domain.ReportDue.Assessment;
import se.planpuls.domain.ReportDue.State;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * {@link ReportDue} for the shapes that have no period-based date: an ongoing item is never due nor
 * late (the regular check-in asks after it), only done once reported reached; a count-based
 * commitment is judged by {@link TimesPerYear#judge} on this year's reports: behind is due, late is
 * late, on track or over the maximum is reported; the assessment says how many reports the year still
 * needs to meet its minimum.
 */
final class ShapedDue {
    private ShapedDue() {
    }

    static Assessment assess(Milestone item, boolean reached, List<Instant> reportedAt, LocalDate planStart,
                             LocalDate today) {
        LocalDate end = item.effectiveDueDate();
        if (item.shape().ongoing()) {
            return new Assessment(reached ? State.DONE : State.NOT_YET, today, end);
        }
        TimesPerYear times = item.shape().timesPerYear();
        LocalDate start = item.startsOn() != null ? item.startsOn() : planStart;
        if (start != null && today.isBefore(start)) {
            return new Assessment(State.NOT_YET, start, LocalDate.of(start.getYear(), 12, 31));
        }
        LocalDate judged = today.isAfter(end) ? end : today;
        LocalDate yearStart = LocalDate.of(judged.getYear(), 1, 1);
        LocalDate yearEnd = LocalDate.of(judged.getYear(), 12, 31);
        int reports = (int) reportedAt.stream().map(at -> LocalDate.ofInstant(at, WorkingCalendar.ZONE))
                .filter(d -> !d.isBefore(yearStart) && !d.isAfter(judged)).count();
        TimesPerYear.Pace pace = times.judge(reports, start, today.isAfter(end) ? yearEnd : judged);
        State state = switch (pace) {
            case ON_TRACK, OVER_MAX -> today.isAfter(end) ? State.DONE : State.REPORTED;
            case BEHIND -> today.isAfter(end) ? State.LATE : State.DUE;
            case LATE -> State.LATE;
        };
        return new Assessment(state, yearStart, yearEnd, Math.max(0, times.min() - reports));
    }
}
