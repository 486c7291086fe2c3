package se.planpuls.domain;

import java.util.List;
import java.util.Map;

/**
 * One milestone with everything known about it: effects, dependencies and the full status history.
 *
 * @param effectsSeen the effects each report of the history ticked as seen, by report id (none: left out)
 */
public record MilestoneDetail(MilestoneView view, List<Effect> effects, List<Long> dependsOn, List<Long> dependents,
                              List<StatusReport> history, Map<Long, List<EffectSeen>> effectsSeen) {
}
