package se.planpuls.scheduler;

/**
 * What one fan-out did with the reminders it was given; {@code deferred} ones were not tried because
 * the service was shutting down, and go out with the next run.
 */
public record DispatchSummary(int due, int sent, int noted, int failed, int skipped, int deferred) {
    public DispatchSummary(int due, int sent, int noted, int failed, int skipped) {
        this(due, sent, noted, failed, skipped, 0);
    }

    @Override
    public String toString() {
        return due + " due: " + sent + " sent, " + noted + " noted, " + failed + " failed, " + skipped + " skipped"
                + (deferred > 0 ? ", " + deferred + " unfinished at shutdown (the next run sends any not sent)" : "");
    }
}
