package se.planpuls.domain;

import java.util.List;
import java.util.Map;

/**
 * A whole plan as readers see it: its groups, areas and milestones with their current status.
 *
 * @param effectsSeen the effects each milestone's latest report ticked as seen, by report id (none: left out)
 */
public record PlanDetail(PlanSummary plan, List<String> effectGoals, List<GroupDetail> groups,
                         Map<Long, List<EffectSeen>> effectsSeen) {

    public record GroupDetail(AreaGroup group, List<AreaDetail> areas) {
    }

    public record AreaDetail(Area area, List<MilestoneView> milestones) {
    }
}
