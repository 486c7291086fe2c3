package se.planpuls.domain.rules;

import java.time.Duration;
import java.time.Instant;
import se.planpuls.domain.PlanItem;

/**
 * A port: whether a milestone's report is missing (its owner did not answer). The service uses
 * {@link #escalated}, the reminder escalation's "report missing" flag; {@link #noReportWithin} is the
 * simple window rule (an owned milestone, not yet reached, with no report within it).
 */
@FunctionalInterface
public interface MissingReportRule {
    Duration WEEK = Duration.ofDays(7);

    boolean missing(PlanItem item, Instant now);

    static MissingReportRule noReportWithin(Duration window) {
        return (item, now) -> item.ownerId() != null && !item.reached()
                && (item.reportedAt() == null || item.reportedAt().isBefore(now.minus(window)));
    }

    /**
     * The reminder escalation's flag: a milestone escalated after its owner did not answer, and not
     * reported on since. The flagged set is read once per digest ({@code now}), not once per item.
     */
    static MissingReportRule escalated(java.util.function.Supplier<java.util.Collection<Long>> flagged) {
        return new MissingReportRule() {
            private Instant readAt;
            private java.util.Set<Long> ids = java.util.Set.of();

            @Override
            public synchronized boolean missing(PlanItem item, Instant now) {
                if (!now.equals(readAt)) {
                    ids = java.util.Set.copyOf(flagged.get());
                    readAt = now;
                }
                return !item.reached() && ids.contains(item.id());
            }
        };
    }
}
