package se.planpuls.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of plan item a row is: a milestone reached by a due year or date (Region Skåne), an
 * assignment that reports back to a board by a date (Region Örebro's "uppdrag"), or a recurring
 * commitment that expects a report every period (Södra sjukvårdsregionen's "minst fyra gånger per år"),
 * or an indicator that expects a measured value every period against a target (Region Örebro's HME index).
 */
public enum ItemKind {
    MILESTONE("milestone"),
    ASSIGNMENT("assignment"),
    RECURRING("recurring"),
    INDICATOR("indicator");

    private final String apiName;

    ItemKind(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    /** Whether the item expects something every period of its frequency rather than once by its date. */
    public boolean periodic() {
        return this == RECURRING || this == INDICATOR;
    }

    /** Parses the API spelling, or the Swedish word (milstolpe, uppdrag, återkommande, indikator), any case. */
    public static Optional<ItemKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "milestone", "milstolpe" -> Optional.of(MILESTONE);
            case "assignment", "uppdrag" -> Optional.of(ASSIGNMENT);
            case "recurring", "återkommande" -> Optional.of(RECURRING);
            case "indicator", "indikator" -> Optional.of(INDICATOR);
            default -> Optional.empty();
        };
    }
}
