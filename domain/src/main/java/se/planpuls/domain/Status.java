package se.planpuls.domain;

/**
 * A milestone's reported status, in the plan's own traffic-light terms:
 * reached is green, in progress is yellow, not started is red.
 */
public enum Status {
    REACHED("green"),
    IN_PROGRESS("yellow"),
    NOT_STARTED("red");

    private final String colour;

    Status(String colour) {
        this.colour = colour;
    }

    public String colour() {
        return colour;
    }

    /** The traffic-light colour of a status, {@code grey} for a milestone not yet reported on. */
    public static String colourOf(Status status) {
        return status == null ? "grey" : status.colour;
    }

    /** Parses the API spelling: {@code reached}, {@code in_progress} or {@code not_started}, any case. */
    public static java.util.Optional<Status> parse(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        for (Status status : values()) {
            if (status.name().equalsIgnoreCase(value.trim()) || status.colour.equalsIgnoreCase(value.trim())) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
