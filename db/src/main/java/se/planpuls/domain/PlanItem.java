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
                       Instant reportedAt, boolean atRisk, LocalDate expectedDate) {

    public LocalDate effectiveDueDate() {
        return dueDate != null ? dueDate : LocalDate.of(dueYear, Month.DECEMBER, 31);
    }

    public boolean reached() {
        return status == Status.REACHED;
    }

    public boolean overdue(LocalDate today) {
        return !reached() && effectiveDueDate().isBefore(today);
    }

    public boolean reportedAtRisk() {
        return !reached() && atRisk;
    }
}
