package se.planpuls.domain.reminder;

/**
 * What a reminder is about. Prompts ask an owner for status; the escalation steps follow a prompt.
 * {@link #COUNT} asks after a count-based commitment ("minst fyra gånger per år") that is short of
 * its year's minimum: its date is the end of the year, its step the reports still to come.
 */
public enum ReminderKind {
    DEADLINE(true), OVERDUE(true), REVIEW(true), CHECK_IN(true), FOLLOW_UP(false), ESCALATION(false), COUNT(true);

    private final boolean prompt;

    ReminderKind(boolean prompt) {
        this.prompt = prompt;
    }

    /** True for the kinds that start an escalation chain when nobody answers. */
    public boolean prompt() {
        return prompt;
    }
}
