package se.planpuls.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import java.util.Optional;
import se.planpuls.db.ConversationService;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.Owner;

/** Stores the conversation reference of every conversation the bot is in, for proactive messages later. */
final class ConversationRecorder {
    private final ConversationService conversations;
    private final ObjectMapper json;

    ConversationRecorder(ConversationService conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    void record(Activity activity, Optional<Owner> owner) {
        if (activity.getConversation() == null || activity.getConversation().getId() == null
                || activity.getServiceUrl() == null) {
            return;
        }
        ConversationReference reference = activity.getConversationReference();
        ConversationKind kind = kind(activity.getConversation().getConversationType());
        String tenant = activity.getConversation().getTenantId();
        try {
            conversations.save(activity.getConversation().getId(), kind,
                    kind == ConversationKind.personal && activity.getFrom() != null ? activity.getFrom().getId() : null,
                    activity.getFrom() == null ? null : activity.getFrom().getAadObjectId(),
                    kind == ConversationKind.personal ? owner.map(Owner::id).orElse(null) : null,
                    activity.getServiceUrl(), tenant, json.writeValueAsString(reference));
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
