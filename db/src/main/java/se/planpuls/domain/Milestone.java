package se.planpuls.domain;

import java.time.LocalDate;
import java.time.Month;

/**
 * A milestone of a plan. Its place in time is when it is to have been reached: a due date when
 * one is set, else the end of its due year.
 */
public record Milestone(long id, long planId, long areaId, int position, String code, String title,
                        String description, String reachedWhen, int dueYear, LocalDate dueDate,
                        boolean dateUncertain, Long ownerId) {

    public LocalDate effectiveDueDate() {
        return dueDate != null ? dueDate : LocalDate.of(dueYear, Month.DECEMBER, 31);
    }
}
