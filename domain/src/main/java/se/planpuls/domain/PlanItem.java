package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;

/**
 * A milestone as leaders read it: where it sits, who owns it, and its latest report with the
 * at-risk flag and expected date. Status is null when nobody has reported yet.
 */
public record PlanItem(long id, long areaId, String code, String title, int dueYear, LocalDate dueDate,
                       boolean dateUncertain, Long ownerId, String ownerName, Status status, String comment,
                       Instant reportedAt, boolean atRisk, LocalDate expectedDate, ItemKind kind,
                       Frequency frequency, LocalDate startsOn, ItemShape shape) {

    public PlanItem {
        kind = kind == null ? ItemKind.MILESTONE : kind;
        shape = shape == null ? ItemShape.NONE : shape;
    }

    /** An item of the plain shape. */
    public PlanItem(long id, long areaId, String code, String title, int dueYear, LocalDate dueDate,
                    boolean dateUncertain, Long ownerId, String ownerName, Status status, String comment,
                    Instant reportedAt, boolean atRisk, LocalDate expectedDate, ItemKind kind,
                    Frequency frequency, LocalDate startsOn) {
        this(id, areaId, code, title, dueYear, dueDate, dateUncertain, ownerId, ownerName, status, comment,
                reportedAt, atRisk, expectedDate, kind, frequency, startsOn, ItemShape.NONE);
    }

    /** A milestone and its latest report as leaders read it, for the rules that judge one milestone. */
    public static PlanItem of(MilestoneView view) {
        Milestone m = view.milestone();
        StatusReport r = view.latest();
        return new PlanItem(m.id(), m.areaId(), m.code(), m.title(), m.dueYear(), m.dueDate(), m.dateUncertain(),
                m.ownerId(), view.ownerName(), r == null ? null : r.status(), r == null ? null : r.comment(),
                r == null ? null : r.reportedAt(), r != null && r.atRisk(), r == null ? null : r.expectedDate(),
                m.kind(), m.frequency(), m.startsOn(), m.shape());
    }


    public LocalDate effectiveDueDate() {
        return dueDate != null ? dueDate : LocalDate.of(dueYear, Month.DECEMBER, 31);
    }

    public boolean reached() {
        return status == Status.REACHED;
    }

    /**
     * Past due and not reached; for a recurring commitment: late, a period having passed without a
     * report (see {@link ReportDue}), judged from the latest report, which is all that needs. A
     * count-based commitment needs every report of its year: without them (see
     * {@link #overdue(LocalDate, java.util.List)}) it is judged by its end only.
     */
    public boolean overdue(LocalDate today) {
        return overdue(today, null);
    }

    /**
     * As {@link #overdue(LocalDate)}, a count-based commitment judged by {@link ReportDue} on
     * {@code reportsThisYear}, when each report of today's year was made: late when it is two or more
     * reports short of the pace for the time gone, or short of its minimum once its year is over.
     */
    public boolean overdue(LocalDate today, java.util.List<Instant> reportsThisYear) {
        if (shape.ongoing()) {
            // An ongoing item has no date of its own to pass.
            return false;
        }
        boolean counted = shape.timesPerYear() != null && frequency == null;
        if (kind.periodic() && frequency != null || counted && reportsThisYear != null) {
            var item = asMilestone(0);
            var reports = counted ? reportsThisYear
                    : reportedAt == null ? java.util.List.<Instant>of() : java.util.List.of(reportedAt);
            return ReportDue.assess(item, reached(), reports, null, today).late();
        }
        return !reached() && effectiveDueDate().isBefore(today);
    }

    /**
     * Due on or after {@code today} and by {@code horizon}, and still wanting something: not reached, not
     * ongoing (it has no date of its own), and for a count-based commitment, reports still needed in its
     * year by {@link ReportDue} on {@code reportsThisYear}.
     */
    public boolean dueBy(LocalDate today, LocalDate horizon, java.util.List<Instant> reportsThisYear) {
        if (reached() || shape.ongoing() || effectiveDueDate().isBefore(today) || effectiveDueDate().isAfter(horizon)) {
            return false;
        }
        if (shape.timesPerYear() != null && frequency == null && reportsThisYear != null) {
            return ReportDue.assess(asMilestone(0), false, reportsThisYear, null, today).remaining() > 0;
        }
        return true;
    }

    /** The item as {@link ReportDue} judges it: its dates, kind, frequency and shape; texts left empty. */
    public Milestone asMilestone(long planId) {
        return new Milestone(id, planId, areaId, 0, code, title, "", "", dueYear, dueDate, dateUncertain, ownerId,
                kind, null, frequency, startsOn, 0, shape);
    }

    public boolean reportedAtRisk() {
        return !reached() && atRisk;
    }
}
