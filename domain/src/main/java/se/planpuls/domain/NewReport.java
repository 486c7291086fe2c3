package se.planpuls.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A status report as submitted, before it is checked.
 *
 * @param idempotencyKey identifies one submission (for a card: the card's activity id and the
 *                       submitter), so that submitting the same card twice stores one report; may be null
 * @param atRisk         the reporter fears the due date will slip
 * @param expectedDate   when at risk: the date the reporter now expects; must not be in the past
 * @param effectsSeen    ids of the milestone's short-term effects already seen
 */
public record NewReport(long milestoneId, Status status, String comment, Reporter reporter, String source,
                        String idempotencyKey, boolean atRisk, LocalDate expectedDate, List<Long> effectsSeen) {

    public NewReport {
        effectsSeen = effectsSeen == null ? List.of() : List.copyOf(effectsSeen);
    }

    public NewReport(long milestoneId, Status status, String comment, Reporter reporter, String source,
                     String idempotencyKey) {
        this(milestoneId, status, comment, reporter, source, idempotencyKey, false, null, List.of());
    }
}
