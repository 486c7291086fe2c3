package se.planpuls.bot;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exact-match command lookup: a command's words (Swedish first, English aliases beside them) must
 * open the message exactly; what follows is the command's argument. Text is compared after trimming,
 * lower-casing and collapsing whitespace; nothing else is guessed, but an unknown message gets the
 * nearest command word as a suggestion.
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

    /** The command whose words open the text (the longest such words win), with the rest as argument. */
    Optional<Match> find(String text) {
        String normalised = normalise(text);
        String[] tokens = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                .replace('\u00a0', ' ').strip().replaceAll("^/", "").split("\\s+");
        return commands.keySet().stream()
                .filter(words -> normalised.equals(words) || normalised.startsWith(words + " "))
                .max(Comparator.comparingInt(String::length))
                .map(words -> {
                    int used = words.split(" ").length;
                    String args = used >= tokens.length ? ""
                            : String.join(" ", java.util.Arrays.copyOfRange(tokens, used, tokens.length)).strip();
                    return new Match(commands.get(words), args);
                });
    }

    /** The command word closest to what was typed, for a "did you mean" answer. */
    Optional<String> suggest(String text) {
        String normalised = normalise(text);
        String head = normalised.contains(" ") ? normalised.substring(0, normalised.indexOf(' ')) : normalised;
        return commands.keySet().stream()
                .filter(words -> words.length() > 1)
                .min(Comparator.comparingInt((String words) -> Math.min(distance(normalised, words),
                        distance(head, words.contains(" ") ? words.substring(0, words.indexOf(' ')) : words))))
                .filter(words -> Math.min(distance(normalised, words), distance(head, words)) <= Math.max(2,
                        words.length() / 3));
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
        return s.replaceAll("^/", "").replaceAll("[!.?]+$", "").strip();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    record Match(Command command, String args) {
    }
}
