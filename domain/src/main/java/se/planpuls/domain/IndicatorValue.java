package se.planpuls.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of an indicator's append-only history of measured values: who reported it, when, and
 * why as a comment. {@code onBehalfOfId} is set when a substitute reported for the owner.
 */
public record IndicatorValue(long id, long milestoneId, BigDecimal value, String comment, Long reporterOwnerId,
                             String reporterName, Long onBehalfOfId, String source, Instant reportedAt) {
    public IndicatorValue {
        value = Indicator.plain(value);
    }
}
