package se.planpuls.domain.reach;

import se.planpuls.domain.ConversationRef;

/**
 * What happened when the bot opened a chat with an owner and welcomed them.
 *
 * @param chat  the personal chat, once Teams created it (also when the welcome itself then failed)
 * @param error why it failed, or null when the welcome was sent
 */
public record WelcomeAttempt(ConversationRef chat, String error) {
    public static WelcomeAttempt sent(ConversationRef chat) {
        return new WelcomeAttempt(chat, null);
    }

    public static WelcomeAttempt failed(ConversationRef chat, String error) {
        return new WelcomeAttempt(chat, error == null ? "failed" : error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
