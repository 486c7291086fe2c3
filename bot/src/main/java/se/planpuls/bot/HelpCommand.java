package se.planpuls.bot;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code hjälp} / {@code help}: every command, in the user's language. */
final class HelpCommand implements Command {
    static final List<String> WORDS = List.of("hjälp", "help", "hjalp", "?");

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        return turn.reply("help.text");
    }
}
