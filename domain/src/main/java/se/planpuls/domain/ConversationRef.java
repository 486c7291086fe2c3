package se.planpuls.domain;

import java.time.Instant;

/**
 * A stored Teams conversation reference. {@code referenceJson} is the Bot Framework's own
 * serialised ConversationReference, opaque outside the bot module.
 */
public record ConversationRef(String conversationId, ConversationKind kind, String teamsUserId, String aadObjectId,
                              Long ownerId, String serviceUrl, String tenantId, String referenceJson,
                              Instant updatedAt) {
}
