package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a milestone's append-only status history. {@code onBehalfOfId} is set when a
 * substitute reported for the milestone's owner.
 */
public record StatusReport(long id, long milestoneId, Status status, String comment, Long reporterOwnerId,
                           String reporterName, Long onBehalfOfId, String source, Instant reportedAt,
                           boolean atRisk, LocalDate expectedDate) {
}
