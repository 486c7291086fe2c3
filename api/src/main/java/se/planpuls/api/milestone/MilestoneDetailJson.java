package se.planpuls.api.milestone;

import java.util.List;
import se.planpuls.api.milestone.MilestoneJson.ReportJson;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.Effect;
import se.planpuls.domain.MilestoneDetail;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.ParentStatus;

/**
 * One item in full: how it is judged reached, its effects, its dependency edges, its whole history and its
 * sub-deliverables. {@code reachedWhenSource} says which text tells how it is judged reached: {@code criterion}
 * where the plan states one ({@code reachedWhen}), {@code description} where it does not ({@code reachedWhen}
 * null; the description stands, shown as "Beskrivning i planen").
 */
record MilestoneDetailJson(MilestoneJson milestone, String description, String reachedWhen, String reachedWhenSource,
                           List<EffectJson> effects, List<Long> dependsOn, List<Long> dependents,
                           List<ReportJson> history, DeliverablesJson deliverables) {
    /**
     * The item as every answer about one item gives it (GET, create, change, shape, dependencies): its
     * sub-deliverables with their summary, and an indicator's definition and values. One place, so no
     * answer about an item is thinner than another.
     */
    static MilestoneDetailJson read(MilestoneService milestones, IndicatorService indicators, long id) {
        var detail = milestones.detail(id);
        var children = milestones.children(id);
        return of(detail, children, milestones.summary(children),
                indicators.progress(detail.view().milestone()).orElse(null));
    }

    /** With sub-deliverables and their summary, and an indicator's definition and values (null for another kind). */
    private static MilestoneDetailJson of(MilestoneDetail d, List<MilestoneView> children, ParentStatus summary,
                                          se.planpuls.domain.IndicatorProgress indicator) {
        var m = d.view().milestone();
        return new MilestoneDetailJson(MilestoneJson.of(d.view(), d.effectsSeen(), indicator), m.description(),
                m.criterionStated() ? m.reachedWhen() : null, m.criterionStated() ? "criterion" : "description",
                d.effects().stream().map(EffectJson::of).toList(), d.dependsOn(), d.dependents(),
                d.history().stream().map(r -> ReportJson.of(r, d.effectsSeen())).toList(),
                children.isEmpty() || summary == null ? null : new DeliverablesJson(
                        summary.status() == null ? "unreported" : summary.status().apiName(), summary.atRisk(),
                        summary.reached(), summary.children(),
                        children.stream().map(c -> MilestoneJson.of(c, java.util.Map.of())).toList()));
    }

    /** A parent's sub-deliverables, each reported on its own, and the parent's status summarised from them. */
    record DeliverablesJson(String status, boolean atRisk, int reached, int total, List<MilestoneJson> items) {
    }

    /** An expected effect; its id is what a report's {@code effectsSeen} names. */
    record EffectJson(long id, String text, List<String> audiences) {
        static EffectJson of(Effect e) {
            return new EffectJson(e.id(), e.text(), e.audiences());
        }
    }
}
