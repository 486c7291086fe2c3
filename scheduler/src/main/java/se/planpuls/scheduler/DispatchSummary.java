package se.planpuls.scheduler;

/** What one fan-out did with the reminders it was given. */
public record DispatchSummary(int due, int sent, int noted, int failed, int skipped) {
    @Override
    public String toString() {
        return due + " due: " + sent + " sent, " + noted + " noted, " + failed + " failed, " + skipped + " skipped";
    }
}
