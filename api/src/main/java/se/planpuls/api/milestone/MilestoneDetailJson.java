package se.planpuls.api.milestone;

import java.util.List;
import se.planpuls.api.milestone.MilestoneJson.ReportJson;
import se.planpuls.domain.Effect;
import se.planpuls.domain.MilestoneDetail;

/** One item in full: how it is judged reached, its effects, its dependency edges and its whole history. */
record MilestoneDetailJson(MilestoneJson milestone, String description, String reachedWhen, List<EffectJson> effects,
                           List<Long> dependsOn, List<Long> dependents, List<ReportJson> history) {
    static MilestoneDetailJson of(MilestoneDetail d) {
        return of(d, null);
    }

    static MilestoneDetailJson of(MilestoneDetail d, se.planpuls.domain.IndicatorProgress indicator) {
        var m = d.view().milestone();
        return new MilestoneDetailJson(MilestoneJson.of(d.view(), d.effectsSeen(), indicator), m.description(), m.reachedWhen(),
                d.effects().stream().map(EffectJson::of).toList(), d.dependsOn(), d.dependents(),
                d.history().stream().map(r -> ReportJson.of(r, d.effectsSeen())).toList());
    }

    /** An expected effect; its id is what a report's {@code effectsSeen} names. */
    record EffectJson(long id, String text, List<String> audiences) {
        static EffectJson of(Effect e) {
            return new EffectJson(e.id(), e.text(), e.audiences());
        }
    }
}
