package se.planpuls.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** How often a recurring commitment is to be reported on; periods follow the calendar. */
public enum Frequency {
    MONTHLY("monthly", 1),
    QUARTERLY("quarterly", 3),
    HALF_YEARLY("half_yearly", 6),
    YEARLY("yearly", 12);

    private final String apiName;
    private final int months;

    Frequency(String apiName, int months) {
        this.apiName = apiName;
        this.months = months;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    /** The first day of the calendar period that holds {@code date}. */
    public LocalDate periodStart(LocalDate date) {
        int monthIndex = (date.getMonthValue() - 1) / months * months;
        return LocalDate.of(date.getYear(), monthIndex + 1, 1);
    }

    /** The last day of the calendar period that holds {@code date}. */
    public LocalDate periodEnd(LocalDate date) {
        return periodStart(date).plusMonths(months).minusDays(1);
    }

    public static Optional<Frequency> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Frequency f : values()) {
            if (f.apiName.equals(v) || f.name().equalsIgnoreCase(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
