package se.planpuls.api.milestone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.planpuls.domain.IndicatorDirection;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.IndicatorValue;

/**
 * An indicator's definition and its values as the API shows them, with the latest value read against
 * the target: the trend on the value before (or the baseline) and whether the target is met.
 */
public record IndicatorJson(String unit, BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
                            LocalDate targetDate, IndicatorDirection direction, BigDecimal latest, String trend, boolean onTarget,
                            List<ValueJson> values) {
    public static IndicatorJson of(IndicatorProgress p) {
        var i = p.indicator();
        return new IndicatorJson(i.unit(), i.baselineValue(), i.baselineDate(), i.targetValue(), i.targetDate(),
                i.direction(), p.latestValue(), p.trend().apiName(), p.onTarget(),
                p.values().stream().map(ValueJson::of).toList());
    }

    /** One reported value of the append-only history. */
    public record ValueJson(long id, BigDecimal value, String comment, String reportedBy, Long reporterOwnerId,
                            Long onBehalfOfOwnerId, String source, Instant reportedAt) {
        static ValueJson of(IndicatorValue v) {
            return new ValueJson(v.id(), v.value(), v.comment(), v.reporterName(), v.reporterOwnerId(),
                    v.onBehalfOfId(), v.source(), v.reportedAt());
        }
    }
}
