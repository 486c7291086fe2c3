package se.planpuls.bot;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exact-match command lookup: Swedish words first, English aliases beside them. Text is compared
 * after trimming, lower-casing, collapsing whitespace and dropping trailing punctuation, so
 * "Mina  milstolpar!" finds the same command as "mina milstolpar"; nothing else is guessed.
 */
final class CommandTable {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandTable add(Command command, List<String> words) {
        for (String word : words) {
            if (commands.putIfAbsent(normalise(word), command) != null) {
                throw new IllegalArgumentException("two commands share the word " + word);
            }
        }
        return this;
    }

    Optional<Command> find(String text) {
        return Optional.ofNullable(commands.get(normalise(text)));
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00a0', ' ')
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        return s.replaceAll("[\\p{Punct}\\s]+$", "").replaceAll("^/", "");
    }
}
