package se.planpuls.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way an indicator's target points: at least or at most a value ("minst 90 %"), or up or down
 * on the period before ("öka jämfört med föregående år").
 */
public enum IndicatorDirection {
    AT_LEAST("at_least"),
    AT_MOST("at_most"),
    INCREASE("increase"),
    DECREASE("decrease");

    private final String apiName;

    IndicatorDirection(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    /** Whether the target is a fixed value rather than a change on the period before. */
    public boolean needsValue() {
        return this == AT_LEAST || this == AT_MOST;
    }

    /** The API spelling or the Swedish word the plans use (minst, högst, öka, minska), any case. */
    public static Optional<IndicatorDirection> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "at_least", "minst" -> Optional.of(AT_LEAST);
            case "at_most", "högst" -> Optional.of(AT_MOST);
            case "increase", "öka" -> Optional.of(INCREASE);
            case "decrease", "minska" -> Optional.of(DECREASE);
            default -> Optional.empty();
        };
    }
}
