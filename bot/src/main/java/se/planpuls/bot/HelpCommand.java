package se.planpuls.bot;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code hjälp} / {@code help}: what the bot can do. */
final class HelpCommand implements Command {
    static final List<String> WORDS = List.of("hjälp", "help", "hjalp", "?");

    @Override
    public CompletableFuture<Void> run(Turn turn) {
        return turn.reply("help.text");
    }
}
