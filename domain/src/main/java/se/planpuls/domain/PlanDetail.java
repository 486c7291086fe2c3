package se.planpuls.domain;

import java.util.List;
import java.util.Map;

/**
 * A whole plan as readers see it: its groups, areas and milestones with their current status.
 *
 * @param effectGoals  all the plan's effect goals, in order (each group lists its own as well)
 * @param effectsSeen  the effects each milestone's latest report ticked as seen, by report id (none: left out)
 * @param longTermGoal the goal over the whole plan, as its figure's last column ("Bättre hälsa för fler"); null when none
 */
public record PlanDetail(PlanSummary plan, List<String> effectGoals, List<GroupDetail> groups,
                         Map<Long, List<EffectSeen>> effectsSeen, String longTermGoal) {

    public PlanDetail(PlanSummary plan, List<String> effectGoals, List<GroupDetail> groups,
                      Map<Long, List<EffectSeen>> effectsSeen) {
        this(plan, effectGoals, groups, effectsSeen, null);
    }

    /** {@code effectGoals}: the plan's effect goals that stand beside this group, as in the plan's figure. */
    public record GroupDetail(AreaGroup group, List<AreaDetail> areas, List<String> effectGoals) {
        public GroupDetail {
            effectGoals = effectGoals == null ? List.of() : List.copyOf(effectGoals);
        }

        public GroupDetail(AreaGroup group, List<AreaDetail> areas) {
            this(group, areas, List.of());
        }
    }

    public record AreaDetail(Area area, List<MilestoneView> milestones) {
    }
}
