package se.planpuls.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.util.Optional;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;

/**
 * Turns the conversation of every activity into a reference to store, for proactive messages
 * later, and a stored reference back into the SDK's.
 */
final class ConversationRecorder {
    private final ObjectMapper json;

    ConversationRecorder(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The conversation an activity came in, as it is to be stored; empty when the activity does not
     * say enough to reach the conversation again. The owner is filled in by whoever recognises the
     * sender. The reference leaves out the incoming activity's id: a proactive message starts from a
     * continuation activity of its own, and without it an unchanged chat stores the same reference
     * and needs no write.
     */
    Optional<ConversationRef> seen(Activity activity) {
        if (activity.getConversation() == null || activity.getConversation().getId() == null
                || activity.getServiceUrl() == null) {
            return Optional.empty();
        }
        ConversationReference reference = activity.getConversationReference();
        reference.setActivityId(null);
        ConversationKind kind = kind(activity.getConversation().getConversationType());
        try {
            return Optional.of(new ConversationRef(activity.getConversation().getId(), kind,
                    kind == ConversationKind.personal && activity.getFrom() != null ? activity.getFrom().getId() : null,
                    activity.getFrom() == null ? null : activity.getFrom().getAadObjectId(), null,
                    activity.getServiceUrl(), activity.getConversation().getTenantId(),
                    json.writeValueAsString(reference), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a conversation reference", e);
        }
    }

    ConversationReference reference(ConversationRef stored) {
        try {
            return json.readValue(stored.referenceJson(), ConversationReference.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation reference is unreadable: " + stored.conversationId(), e);
        }
    }

    private static ConversationKind kind(String conversationType) {
        if ("channel".equals(conversationType)) {
            return ConversationKind.channel;
        }
        if ("groupChat".equals(conversationType)) {
            return ConversationKind.groupChat;
        }
        return ConversationKind.personal;
    }
}
