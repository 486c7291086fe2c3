package se.planpuls.domain;

/**
 * A status report as submitted, before it is checked.
 *
 * @param idempotencyKey identifies one submission (for a card: the card's activity id and the
 *                       submitter), so that submitting the same card twice stores one report; may be null
 */
public record NewReport(long milestoneId, Status status, String comment, Reporter reporter, String source,
                        String idempotencyKey) {
}
