package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.DependencyEdge;
import se.planpuls.domain.DependencyRisk;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.Status;

/**
 * "At risk through dependencies": a milestone not yet reached is at risk when a prerequisite
 * anywhere upstream in the plan's dependency graph, itself not reached, is
 * <ul>
 *   <li>overdue (past its due date), or</li>
 *   <li>reported at risk by its owner, or</li>
 *   <li>not started (reported red, or never reported) while the milestone itself is due within
 *       {@code horizonDays} of today.</li>
 * </ul>
 * Each (milestone, troubled prerequisite) pair is reported once with the shortest chain between
 * them; a reached prerequisite ends a chain (what lies behind it no longer blocks). Pure Java.
 */
public final class DependencyRiskRule {
    public static final int DEFAULT_HORIZON_DAYS = 90;

    private final int horizonDays;

    public DependencyRiskRule(int horizonDays) {
        this.horizonDays = horizonDays;
    }

    public List<DependencyRisk> evaluate(List<PlanItem> items, List<DependencyEdge> edges, LocalDate today) {
        Map<Long, PlanItem> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        Map<Long, List<Long>> upstream = new HashMap<>();
        for (DependencyEdge e : edges) {
            if (byId.containsKey(e.milestoneId()) && byId.containsKey(e.dependsOnId())) {
                upstream.computeIfAbsent(e.milestoneId(), k -> new ArrayList<>()).add(e.dependsOnId());
            }
        }
        List<DependencyRisk> risks = new ArrayList<>();
        for (PlanItem milestone : byId.values()) {
            if (milestone.reached() || !upstream.containsKey(milestone.id())) {
                continue;
            }
            boolean dueSoon = !milestone.effectiveDueDate().isAfter(today.plusDays(horizonDays));
            Map<Long, Long> parent = new HashMap<>();
            parent.put(milestone.id(), milestone.id());
            var queue = new ArrayDeque<Long>(List.of(milestone.id()));
            while (!queue.isEmpty()) {
                long current = queue.poll();
                for (long next : upstream.getOrDefault(current, List.of())) {
                    if (parent.putIfAbsent(next, current) != null) {
                        continue;
                    }
                    PlanItem prerequisite = byId.get(next);
                    if (prerequisite.reached()) {
                        continue;
                    }
                    queue.add(next);
                    DependencyRisk.Reason reason = reason(prerequisite, today, dueSoon);
                    if (reason != null) {
                        risks.add(new DependencyRisk(milestone.code(), milestone.title(), milestone.effectiveDueDate(),
                                chain(parent, milestone.id(), next, byId), reason, prerequisite.effectiveDueDate(),
                                prerequisite.expectedDate()));
                    }
                }
            }
        }
        return risks;
    }

    private static DependencyRisk.Reason reason(PlanItem prerequisite, LocalDate today, boolean dependentDueSoon) {
        if (prerequisite.overdue(today)) {
            return DependencyRisk.Reason.OVERDUE;
        }
        if (prerequisite.reportedAtRisk()) {
            return DependencyRisk.Reason.AT_RISK;
        }
        if (dependentDueSoon && (prerequisite.status() == null || prerequisite.status() == Status.NOT_STARTED)) {
            return DependencyRisk.Reason.NOT_STARTED;
        }
        return null;
    }

    private static List<String> chain(Map<Long, Long> parent, long from, long to, Map<Long, PlanItem> byId) {
        List<String> codes = new ArrayList<>();
        for (long at = to; at != from; at = parent.get(at)) {
            codes.add(byId.get(at).code());
        }
        codes.add(byId.get(from).code());
        Collections.reverse(codes);
        return List.copyOf(codes);
    }
}
