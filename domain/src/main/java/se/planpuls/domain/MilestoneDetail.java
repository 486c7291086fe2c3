package se.planpuls.domain;

import java.util.List;

/** One milestone with everything known about it: effects, dependencies and the full status history. */
public record MilestoneDetail(MilestoneView view, List<Effect> effects, List<Long> dependsOn, List<Long> dependents,
                              List<StatusReport> history) {
}
