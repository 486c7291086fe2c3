package se.planpuls.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.planpuls.domain.Effect;
import se.planpuls.domain.MilestoneDetail;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;
import se.planpuls.domain.PlanDetail;
import se.planpuls.domain.PlanSummary;
import se.planpuls.domain.StatusReport;

/** The API's JSON shapes, kept apart from the domain records so the wire format is deliberate. */
final class Views {
    private Views() {
    }

    record PlanJson(long id, String slug, String name, String organisation, int periodStart, int periodEnd) {
        static PlanJson of(PlanSummary p) {
            return new PlanJson(p.id(), p.slug(), p.name(), p.organisation(), p.periodStart(), p.periodEnd());
        }
    }

    record PlanDetailJson(long id, String slug, String name, String organisation, int periodStart, int periodEnd,
                          List<String> effectGoals, List<GroupJson> groups) {
        static PlanDetailJson of(PlanDetail d) {
            var p = d.plan();
            return new PlanDetailJson(p.id(), p.slug(), p.name(), p.organisation(), p.periodStart(), p.periodEnd(),
                    d.effectGoals(), d.groups().stream().map(g -> new GroupJson(g.group().name(),
                            g.areas().stream().map(a -> new AreaJson(a.area().id(), a.area().code(), a.area().name(),
                                    a.area().goalImage(),
                                    a.milestones().stream().map(MilestoneJson::of).toList())).toList())).toList());
        }
    }

    record GroupJson(String name, List<AreaJson> areas) {
    }

    record AreaJson(long id, String code, String name, String goalImage, List<MilestoneJson> milestones) {
    }

    record AreaRef(long id, String code, String name) {
    }

    record OwnerRef(long id, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MilestoneJson(long id, long planId, String code, String title, AreaRef area, int dueYear, LocalDate dueDate,
                         LocalDate effectiveDueDate, boolean dateUncertain, OwnerRef owner, String status,
                         String statusColour, ReportJson lastReport, String kind, String reportTo, String frequency,
                         LocalDate startsOn, int version) {
        static MilestoneJson of(MilestoneView v) {
            var m = v.milestone();
            var status = v.currentStatus().orElse(null);
            return new MilestoneJson(m.id(), m.planId(), m.code(), m.title(),
                    new AreaRef(m.areaId(), v.areaCode(), v.areaName()), m.dueYear(), m.dueDate(),
                    m.effectiveDueDate(), m.dateUncertain(),
                    m.ownerId() == null ? null : new OwnerRef(m.ownerId(), v.ownerName()),
                    status == null ? "unreported" : status.apiName(), status == null ? null : status.colour(),
                    v.latestReport().map(ReportJson::of).orElse(null), m.kind().apiName(), m.reportTo(),
                    m.frequency() == null ? null : m.frequency().apiName(), m.startsOn(), m.version());
        }
    }

    record MilestoneDetailJson(MilestoneJson milestone, String description, String reachedWhen,
                               List<EffectJson> effects, List<Long> dependsOn, List<Long> dependents,
                               List<ReportJson> history) {
        static MilestoneDetailJson of(MilestoneDetail d) {
            var m = d.view().milestone();
            return new MilestoneDetailJson(MilestoneJson.of(d.view()), m.description(), m.reachedWhen(),
                    d.effects().stream().map(EffectJson::of).toList(), d.dependsOn(), d.dependents(),
                    d.history().stream().map(ReportJson::of).toList());
        }
    }

    record EffectJson(String text, List<String> audiences) {
        static EffectJson of(Effect e) {
            return new EffectJson(e.text(), e.audiences());
        }
    }

    record ReportJson(long id, String status, String colour, String comment, String reportedBy, Long reporterOwnerId,
                      Long onBehalfOfOwnerId, boolean atRisk, LocalDate expectedDate, String source,
                      Instant reportedAt) {
        static ReportJson of(StatusReport r) {
            return new ReportJson(r.id(), r.status().apiName(), r.status().colour(), r.comment(), r.reporterName(),
                    r.reporterOwnerId(), r.onBehalfOfId(), r.atRisk(), r.expectedDate(), r.source(), r.reportedAt());
        }
    }

    record OwnerJson(long id, String name, String email, String aadObjectId, boolean linkedToTeams, boolean admin,
                     Instant createdAt, LocalDate leaveUntil, Long substituteId) {
        static OwnerJson of(Owner o) {
            return new OwnerJson(o.id(), o.name(), o.email(), o.aadObjectId(), o.teamsUserId() != null, o.admin(),
                    o.createdAt(), o.leaveUntil(), o.substituteId());
        }
    }
}
