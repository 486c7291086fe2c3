package se.planpuls.domain;

import java.util.List;

/** A whole plan as readers see it: its groups, areas and milestones with their current status. */
public record PlanDetail(PlanSummary plan, List<String> effectGoals, List<GroupDetail> groups) {

    public record GroupDetail(AreaGroup group, List<AreaDetail> areas) {
    }

    public record AreaDetail(Area area, List<MilestoneView> milestones) {
    }
}
