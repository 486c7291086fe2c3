package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import se.planpuls.domain.Owner;

/** One incoming activity as a command sees it: the SDK's context, the user's language and the owner, if any. */
record Turn(TurnContext context, Texts texts, Optional<Owner> owner) {

    CompletableFuture<Void> reply(String key, Object... args) {
        return send(message(texts.get(key, args)));
    }

    CompletableFuture<Void> send(Activity activity) {
        return context.sendActivity(activity).thenApply(response -> null);
    }

    static Activity message(String markdown) {
        Activity activity = MessageFactory.text(markdown);
        activity.setTextFormat(TextFormatTypes.MARKDOWN);
        return activity;
    }
}
