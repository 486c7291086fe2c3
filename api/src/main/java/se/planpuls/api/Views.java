package se.planpuls.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.planpuls.api.milestone.MilestoneJson;
import se.planpuls.domain.Owner;
import se.planpuls.domain.PlanDetail;
import se.planpuls.domain.PlanSummary;

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

    record OwnerJson(long id, String name, String email, String aadObjectId, boolean linkedToTeams, boolean admin,
                     Instant createdAt, LocalDate leaveUntil, Long substituteId) {
        static OwnerJson of(Owner o) {
            return new OwnerJson(o.id(), o.name(), o.email(), o.aadObjectId(), o.teamsUserId() != null, o.admin(),
                    o.createdAt(), o.leaveUntil(), o.substituteId());
        }
    }
}
