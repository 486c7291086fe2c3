package se.planpuls.domain.reminder;

/** What {@code ReminderService.sendOnce} did with one due reminder. */
public enum SendOutcome {
    /** Delivered now. */
    SENT,
    /** Recorded without a message: nobody was to be told. */
    NOTED,
    /** Tried now and failed; the log says when it is tried again. */
    FAILED,
    /** Already sent, failed and not yet due for a retry, or being sent by another run or instance. */
    SKIPPED
}
