package se.planpuls.bot;

import java.util.concurrent.CompletableFuture;

/** One bot command, found by exact match of its words in the {@link CommandTable}. */
interface Command {
    /**
     * @param args what followed the command's words, trimmed; empty when nothing did
     */
    CompletableFuture<Void> run(Turn turn, String args);
}
