package se.planpuls.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.MilestoneView;

/**
 * Sub-deliverables shown under their parent: a list reordered so that each child follows its parent
 * when both are in it, in the list's own order otherwise; an item listed twice is shown once.
 */
final class ItemTree {
    private ItemTree() {
    }

    static List<MilestoneView> nested(List<MilestoneView> views) {
        Map<Long, MilestoneView> byId = new LinkedHashMap<>();
        views.forEach(v -> byId.putIfAbsent(v.milestone().id(), v));
        Map<Long, List<MilestoneView>> children = new LinkedHashMap<>();
        for (MilestoneView v : byId.values()) {
            Long parent = v.milestone().shape().parentId();
            if (parent != null && byId.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(v);
            }
        }
        LinkedHashSet<MilestoneView> ordered = new LinkedHashSet<>();
        for (MilestoneView v : byId.values()) {
            Long parent = v.milestone().shape().parentId();
            if (parent != null && byId.containsKey(parent)) {
                continue;
            }
            ordered.add(v);
            ordered.addAll(children.getOrDefault(v.milestone().id(), List.of()));
        }
        return List.copyOf(ordered);
    }

    /** A parent's status from its children, in words: how many are reached and the summarised status. */
    static String summary(List<MilestoneView> children, Texts texts, java.time.LocalDate today) {
        var summary = se.planpuls.db.MilestoneService.summary(children, today);
        String status = texts.status(summary.status());
        if (summary.atRisk()) {
            status += " · " + texts.get("card.atRisk");
        }
        return texts.get("my.children", summary.reached(), summary.children(), status);
    }
}
