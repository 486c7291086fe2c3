package se.planpuls.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * An indicator's values read against its definition: the latest, the one before (or the baseline),
 * the trend between them and whether the target is met; and the last value of each period of its
 * frequency, for the annual review's table and the sparkline.
 *
 * @param values the history in any order; read oldest first
 */
public record IndicatorProgress(Indicator indicator, Frequency frequency, List<IndicatorValue> values) {

    public IndicatorProgress {
        values = values == null ? List.of()
                : values.stream().sorted(Comparator.comparingLong(IndicatorValue::id)).toList();
    }

    public enum Trend {
        UP("↑"), DOWN("↓"), FLAT("→"), NONE("");

        private final String arrow;

        Trend(String arrow) {
            this.arrow = arrow;
        }

        public String arrow() {
            return arrow;
        }

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IndicatorValue latest() {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    public BigDecimal latestValue() {
        return values.isEmpty() ? null : latest().value();
    }

    /** The value before the latest, or the baseline when there is only one; null when neither is known. */
    public BigDecimal previousValue() {
        return values.size() >= 2 ? values.get(values.size() - 2).value() : indicator.baselineValue();
    }

    public Trend trend() {
        BigDecimal latest = latestValue();
        BigDecimal previous = previousValue();
        if (latest == null || previous == null) {
            return Trend.NONE;
        }
        int c = latest.compareTo(previous);
        return c > 0 ? Trend.UP : c < 0 ? Trend.DOWN : Trend.FLAT;
    }

    /** Whether the latest value meets the target; false while no value is reported. */
    public boolean onTarget() {
        return indicator.met(latestValue(), previousValue());
    }

    /** The last value reported in each period that has one, by the period's first day, oldest first. */
    public Map<LocalDate, BigDecimal> perPeriod() {
        Map<LocalDate, BigDecimal> periods = new LinkedHashMap<>();
        Frequency f = frequency == null ? Frequency.YEARLY : frequency;
        for (IndicatorValue v : values) {
            LocalDate day = LocalDate.ofInstant(v.reportedAt(), WorkingCalendar.ZONE);
            LocalDate start = f.periodStart(day);
            periods.remove(start);
            periods.put(start, v.value());
        }
        Map<LocalDate, BigDecimal> sorted = new LinkedHashMap<>();
        periods.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A period's name as a table heads it: {@code 2025}, {@code 2025 H1}, {@code 2025 Q3}, {@code 2025-04}. */
    public static String periodLabel(Frequency frequency, LocalDate start) {
        return switch (frequency == null ? Frequency.YEARLY : frequency) {
            case YEARLY -> String.valueOf(start.getYear());
            case HALF_YEARLY -> start.getYear() + " H" + ((start.getMonthValue() - 1) / 6 + 1);
            case QUARTERLY -> start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
        };
    }
}
