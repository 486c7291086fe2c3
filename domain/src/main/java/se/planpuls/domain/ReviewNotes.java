package se.planpuls.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the planning strategists write into a year's annual review: an overall summary and a short
 * assessment per priority area (by area code), in the region's own words. {@code version} counts
 * the saves, for {@code If-Match}; 0 before the first.
 */
public record ReviewNotes(String summary, Map<String, String> areas, int version) {
    public static final int MAX_SUMMARY = 8000;
    public static final int MAX_AREA_NOTE = 4000;
    public static final ReviewNotes NONE = new ReviewNotes(null, Map.of(), 0);

    public ReviewNotes {
        summary = blankToNull(summary);
        Map<String, String> kept = new LinkedHashMap<>();
        if (areas != null) {
            areas.forEach((code, note) -> {
                String text = blankToNull(note);
                if (text != null) {
                    kept.put(code, text);
                }
            });
        }
        areas = java.util.Collections.unmodifiableMap(kept);
    }

    /** Refuses a summary or an assessment longer than a board document holds, naming the field. */
    public ReviewNotes checked() {
        if (summary != null && summary.length() > MAX_SUMMARY) {
            throw new InvalidInputException("summary", "summary.too_long",
                    "summary must be at most " + MAX_SUMMARY + " characters");
        }
        areas.forEach((code, note) -> {
            if (note.length() > MAX_AREA_NOTE) {
                throw new InvalidInputException("areas." + code, "area_note.too_long",
                        "areas." + code + " must be at most " + MAX_AREA_NOTE + " characters");
            }
        });
        return this;
    }

    public String area(String code) {
        return areas.get(code);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
