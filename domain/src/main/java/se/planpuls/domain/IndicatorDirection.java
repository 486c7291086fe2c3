package se.planpuls.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which way an indicator's target points: at least or at most a value ("minst 90 %"), strictly above
 * or below one ("över 85 %": 85 is not over 85), or up or down on the period before ("öka jämfört
 * med föregående år").
 */
public enum IndicatorDirection {
    AT_LEAST("at_least"),
    AT_MOST("at_most"),
    ABOVE("above"),
    BELOW("below"),
    INCREASE("increase"),
    DECREASE("decrease");

    /** The API spellings in a sentence, for answers that name what a direction may be. */
    public static final String CHOICES = Arrays.stream(values()).map(IndicatorDirection::apiName)
            .collect(Collectors.joining(", "));

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
        return this == AT_LEAST || this == AT_MOST || this == ABOVE || this == BELOW;
    }

    /**
     * Whether {@code latest} meets a target of {@code target} in this direction, {@code previous}
     * being the value before it (or the baseline); false while either needed value is unknown.
     */
    public boolean met(java.math.BigDecimal latest, java.math.BigDecimal target, java.math.BigDecimal previous) {
        if (latest == null) {
            return false;
        }
        return switch (this) {
            case AT_LEAST -> target != null && latest.compareTo(target) >= 0;
            case AT_MOST -> target != null && latest.compareTo(target) <= 0;
            case ABOVE -> target != null && latest.compareTo(target) > 0;
            case BELOW -> target != null && latest.compareTo(target) < 0;
            case INCREASE -> target != null ? latest.compareTo(target) >= 0
                    : previous != null && latest.compareTo(previous) > 0;
            case DECREASE -> target != null ? latest.compareTo(target) <= 0
                    : previous != null && latest.compareTo(previous) < 0;
        };
    }

    /**
     * The API spelling or the words the plans use (minst, högst, över, under, öka, minska), any case;
     * "mer än" and "mindre än" are strict too.
     */
    public static Optional<IndicatorDirection> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "at_least", "minst" -> Optional.of(AT_LEAST);
            case "at_most", "högst" -> Optional.of(AT_MOST);
            case "above", "över", "mer_än", "more_than" -> Optional.of(ABOVE);
            case "below", "under", "mindre_än", "less_than" -> Optional.of(BELOW);
            case "increase", "öka" -> Optional.of(INCREASE);
            case "decrease", "minska" -> Optional.of(DECREASE);
            default -> Optional.empty();
        };
    }
}
