package se.planpuls.bot;

import java.util.concurrent.CompletableFuture;

/** One bot command, found by exact match in the {@link CommandTable}. */
interface Command {
    CompletableFuture<Void> run(Turn turn);
}
