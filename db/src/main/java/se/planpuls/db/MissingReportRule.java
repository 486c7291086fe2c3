package se.planpuls.db;

import java.time.Duration;
import java.time.Instant;
import se.planpuls.domain.PlanItem;

/**
 * A port: whether a milestone's report is missing (its owner did not answer). Issue 4's escalation
 * flag can replace {@link #noReportWithin}; until then a report is missing when an owned milestone,
 * not yet reached, has no report within the expected window (a week: one weekly check-in).
 */
@FunctionalInterface
public interface MissingReportRule {
    Duration WEEK = Duration.ofDays(7);

    boolean missing(PlanItem item, Instant now);

    static MissingReportRule noReportWithin(Duration window) {
        return (item, now) -> item.ownerId() != null && !item.reached()
                && (item.reportedAt() == null || item.reportedAt().isBefore(now.minus(window)));
    }
}
