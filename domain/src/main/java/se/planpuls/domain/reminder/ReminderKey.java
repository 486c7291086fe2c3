package se.planpuls.domain.reminder;

import java.time.LocalDate;

/**
 * A reminder's natural key: which milestone, what kind, the date it points at (the due date, the
 * review date, the month's first day, or the date of the prompt being followed up) and the step
 * (working days before that date, or after the prompt); for an item a group owns, the member it went
 * to ({@code memberId}, 0 otherwise).
 */
public record ReminderKey(long milestoneId, ReminderKind kind, LocalDate dueDate, int step, long memberId) {

    /** A reminder to the person who owns the item (or to nobody in particular): member 0. */
    public ReminderKey(long milestoneId, ReminderKind kind, LocalDate dueDate, int step) {
        this(milestoneId, kind, dueDate, step, 0);
    }

    /** The same reminder to one member of the group that owns the item. */
    public ReminderKey forMember(long member) {
        return new ReminderKey(milestoneId, kind, dueDate, step, member);
    }

    /** The reminder as the group as a whole has it, whichever member it went to. */
    public ReminderKey forGroup() {
        return memberId == 0 ? this : new ReminderKey(milestoneId, kind, dueDate, step, 0);
    }
}
