package se.planpuls.domain;

import java.math.BigDecimal;

/**
 * A measured value as submitted, before it is checked.
 *
 * @param idempotencyKey identifies one submission (a card's id and the submitter, or a chat message's id),
 *                       so that the same submission twice stores one value; may be null
 */
public record NewIndicatorValue(long milestoneId, BigDecimal value, String comment, Reporter reporter, String source,
                                String idempotencyKey) {
}
