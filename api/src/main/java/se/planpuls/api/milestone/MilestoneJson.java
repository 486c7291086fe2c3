package se.planpuls.api.milestone;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.EffectSeen;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.StatusReport;

/**
 * An item (milestone, assignment, recurring commitment or indicator) as the API lists it, with its current
 * status and last report. Public because a plan's detail and the list of reports missing show items
 * in this same shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MilestoneJson(long id, long planId, String code, String title, AreaRef area, int dueYear,
                            LocalDate dueDate, LocalDate effectiveDueDate, boolean dateUncertain, OwnerRef owner,
                            String status, String statusColour, ReportJson lastReport, String kind, String reportTo,
                            String frequency, LocalDate startsOn, int version, ItemShapeJson shape,
                            IndicatorJson indicator) {
    /** The item, its last report carrying the effects it ticked as seen (from {@code seen}, by report id). */
    public static MilestoneJson of(MilestoneView v, Map<Long, List<EffectSeen>> seen) {
        return of(v, seen, null);
    }

    /** As {@link #of(MilestoneView, Map)}, with an indicator's definition and values (null for another kind). */
    public static MilestoneJson of(MilestoneView v, Map<Long, List<EffectSeen>> seen,
                                   se.planpuls.domain.IndicatorProgress indicator) {
        var m = v.milestone();
        var status = v.currentStatus().orElse(null);
        return new MilestoneJson(m.id(), m.planId(), m.code(), m.title(),
                new AreaRef(m.areaId(), v.areaCode(), v.areaName()), m.dueYear(), m.dueDate(),
                m.effectiveDueDate(), m.dateUncertain(),
                m.ownerId() == null ? null : new OwnerRef(m.ownerId(), v.ownerName()),
                status == null ? "unreported" : status.apiName(), se.planpuls.domain.Status.colourOf(status),
                v.latestReport().map(r -> ReportJson.of(r, seen)).orElse(null), m.kind().apiName(), m.reportTo(),
                m.frequency() == null ? null : m.frequency().apiName(), m.startsOn(), m.version(),
                ItemShapeJson.of(v), indicator == null ? null : IndicatorJson.of(indicator));
    }

    record AreaRef(long id, String code, String name) {
    }

    record OwnerRef(long id, String name) {
    }

    record ReportJson(long id, String status, String colour, String comment, String reportedBy, Long reporterOwnerId,
                      Long onBehalfOfOwnerId, boolean atRisk, LocalDate expectedDate, String source,
                      Instant reportedAt, List<EffectSeen> effectsSeen) {
        static ReportJson of(StatusReport r, Map<Long, List<EffectSeen>> seen) {
            return new ReportJson(r.id(), r.status().apiName(), r.status().colour(), r.comment(), r.reporterName(),
                    r.reporterOwnerId(), r.onBehalfOfId(), r.atRisk(), r.expectedDate(), r.source(), r.reportedAt(),
                    seen.getOrDefault(r.id(), List.of()));
        }
    }
}
