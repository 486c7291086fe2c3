package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import se.planpuls.domain.calendar.WorkingCalendar;

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
     * report (see {@link ReportDue}), judged from the latest report, which is all that needs.
     */
    public boolean overdue(LocalDate today) {
        if (shape.ongoing()) {
            // An ongoing item has no date of its own to pass.
            return false;
        }
        if (kind.periodic() && frequency != null) {
            var item = new Milestone(id, 0, areaId, 0, code, title, "", "", dueYear, dueDate, dateUncertain, ownerId,
                    kind, null, frequency, startsOn, 0);
            var clock = java.time.Clock.fixed(today.atStartOfDay(WorkingCalendar.ZONE).toInstant(), WorkingCalendar.ZONE);
            return ReportDue.assess(item, reached(), reportedAt == null ? java.util.List.of()
                    : java.util.List.of(reportedAt), null, clock).late();
        }
        return !reached() && effectiveDueDate().isBefore(today);
    }

    public boolean reportedAtRisk() {
        return !reached() && atRisk;
    }
}
