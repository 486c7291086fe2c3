package se.planpuls.api.app;

import io.javalin.http.Context;
import se.planpuls.bot.TeamsBot;

/** {@code POST /api/messages}: hands the body to the bot and writes its answer. */
final class BotController {
    private final TeamsBot bot;

    BotController(TeamsBot bot) {
        this.bot = bot;
    }

    void messages(Context ctx) {
        String auth = ctx.header("Authorization");
        ctx.future(() -> bot.process(auth, ctx.body()).thenAccept(response -> {
            ctx.status(response.status());
            if (response.body() != null) {
                ctx.contentType("application/json").result(response.body());
            }
        }));
    }
}
