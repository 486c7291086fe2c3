package se.planpuls.domain;

import java.time.Instant;

/** One entry of a milestone's append-only status history. */
public record StatusReport(long id, long milestoneId, Status status, String comment, Long reporterOwnerId,
                           String reporterName, Long onBehalfOfId, String source, Instant reportedAt) {
}
