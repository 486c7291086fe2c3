package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report waiting for the owner's answer to "how was it judged reached?" in a chat. {@code cardId}
 * is the status card to turn into a receipt, {@code questionId} the question card's own id.
 */
public record PendingAnswer(long ownerId, String conversationId, long milestoneId, Status status, boolean atRisk,
                            LocalDate expectedDate, List<Long> effects, String cardId, String questionId,
                            Instant askedAt) {
    public PendingAnswer {
        effects = effects == null ? List.of() : List.copyOf(effects);
    }
}
