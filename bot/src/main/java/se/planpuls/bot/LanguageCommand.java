package se.planpuls.bot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.OwnerService;

/** {@code språk engelska} / {@code language swedish}: the language the bot uses with this owner from now on. */
final class LanguageCommand implements Command {
    static final List<String> WORDS = List.of("språk", "language", "sprak");
    private static final Map<String, String> LANGUAGES = Map.of(
            "svenska", "sv", "swedish", "sv", "sv", "sv",
            "engelska", "en", "english", "en", "en", "en");

    private final OwnerService owners;

    LanguageCommand(OwnerService owners) {
        this.owners = owners;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        String locale = LANGUAGES.get(args.strip().toLowerCase(java.util.Locale.ROOT));
        if (locale == null) {
            return turn.reply("language.usage");
        }
        Texts chosen = "en".equals(locale) ? Texts.english() : Texts.swedish();
        if (turn.owner().isEmpty()) {
            return new Turn(turn.context(), chosen, turn.owner()).reply("language.notStored");
        }
        owners.setLocale(turn.owner().get().id(), locale);
        return new Turn(turn.context(), chosen, turn.owner()).reply("language.set");
    }
}
