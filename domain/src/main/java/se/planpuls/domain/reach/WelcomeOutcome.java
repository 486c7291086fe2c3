package se.planpuls.domain.reach;

/** What one owner's welcome came to in a run. */
public enum WelcomeOutcome {
    /** Sent now. */
    SENT,
    /** Tried and failed; tried again on a later run. */
    FAILED,
    /** Sent before, being sent by another run or instance, or not needed. */
    SKIPPED
}
