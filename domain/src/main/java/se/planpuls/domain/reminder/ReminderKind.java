package se.planpuls.domain.reminder;

/** What a reminder is about. Prompts ask an owner for status; the escalation steps follow a prompt. */
public enum ReminderKind {
    DEADLINE(true), OVERDUE(true), REVIEW(true), CHECK_IN(true), FOLLOW_UP(false), ESCALATION(false);

    private final boolean prompt;

    ReminderKind(boolean prompt) {
        this.prompt = prompt;
    }

    /** True for the kinds that start an escalation chain when nobody answers. */
    public boolean prompt() {
        return prompt;
    }
}
