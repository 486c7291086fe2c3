package se.planpuls.bot;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.InvalidInputException;

/**
 * {@code ersättare <e-post>} / {@code substitute <e-mail>}: names who may see and report on the
 * owner's milestones; {@code ersättare ingen} / {@code substitute none} clears it; with no argument
 * it tells who the substitute is.
 */
final class SubstituteCommand implements Command {
    static final List<String> WORDS = List.of("ersättare", "substitute");
    private static final Set<String> NONE = Set.of("ingen", "inga", "none", "clear", "rensa");

    private final OwnerService owners;

    SubstituteCommand(OwnerService owners) {
        this.owners = owners;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        if (turn.owner().isEmpty()) {
            return turn.reply("not.owner");
        }
        var owner = turn.owner().get();
        if (args.isBlank()) {
            return owner.substituteId() == null ? turn.reply("substitute.none")
                    : turn.reply("substitute.current", owners.byId(owner.substituteId()).email());
        }
        if (NONE.contains(args.strip().toLowerCase(java.util.Locale.ROOT))) {
            owners.clearSubstitute(owner.id());
            return turn.reply("substitute.cleared");
        }
        try {
            var substitute = owners.nameSubstitute(owner.id(), args.strip());
            return turn.reply("substitute.named", substitute.email());
        } catch (InvalidInputException e) {
            return "substitute.self".equals(e.code()) ? turn.reply("substitute.self")
                    : turn.reply("substitute.usage");
        }
    }
}
