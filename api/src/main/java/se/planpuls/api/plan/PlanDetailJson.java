package se.planpuls.api.plan;

import java.util.List;
import se.planpuls.api.milestone.MilestoneJson;
import se.planpuls.domain.PlanDetail;

/**
 * A plan in full: its long-term goal, its effect goals, and its groups of areas with their items, each
 * group with the effect goals that stand beside it in the plan's figure.
 */
record PlanDetailJson(long id, String slug, String name, String organisation, int periodStart, int periodEnd,
                      String longTermGoal, List<String> effectGoals, List<GroupJson> groups) {
    static PlanDetailJson of(PlanDetail d) {
        var p = d.plan();
        return new PlanDetailJson(p.id(), p.slug(), p.name(), p.organisation(), p.periodStart(), p.periodEnd(),
                d.longTermGoal(), d.effectGoals(), d.groups().stream().map(g -> new GroupJson(g.group().name(),
                        g.effectGoals(),
                        g.areas().stream().map(a -> new AreaJson(a.area().id(), a.area().code(), a.area().name(),
                                a.area().goalImage(),
                                a.milestones().stream().map(m -> MilestoneJson.of(m, d.effectsSeen())).toList())).toList())).toList());
    }

    record GroupJson(String name, List<String> effectGoals, List<AreaJson> areas) {
    }

    record AreaJson(long id, String code, String name, String goalImage, List<MilestoneJson> milestones) {
    }
}
