package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest of one plan for one channel: everything a leader needs at a glance. Plain data;
 * the bot turns it into a card.
 *
 * @param since        the start of "what changed": the previous digest to the channel, else a week ago
 * @param quality      the report-quality flags: reports whose colour leaders should not take at face value
 * @param withoutOwner milestones not reached that nobody owns: a planning gap leaders must close
 * @param indicators   each indicator's latest value against its target, in plan order
 */
public record Digest(long planId, String planName, LocalDate date, Instant since, List<AreaCounts> areas,
                     List<Change> changes, List<Item> overdue, List<Item> atRisk,
                     List<DependencyRisk> dependencyRisks, List<Item> reportsMissing,
                     List<String> unreachableOwners, List<Item> dueSoon,
                     List<QualityFlag> quality, List<Item> withoutOwner, List<IndicatorLine> indicators) {

    public Digest {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public Digest(long planId, String planName, LocalDate date, Instant since, List<AreaCounts> areas,
                  List<Change> changes, List<Item> overdue, List<Item> atRisk, List<DependencyRisk> dependencyRisks,
                  List<Item> reportsMissing, List<String> unreachableOwners, List<Item> dueSoon,
                  List<QualityFlag> quality, List<Item> withoutOwner) {
        this(planId, planName, date, since, areas, changes, overdue, atRisk, dependencyRisks, reportsMissing,
                unreachableOwners, dueSoon, quality, withoutOwner, List.of());
    }

    /**
     * An indicator as leaders read it: the latest value against the target, with its trend.
     *
     * @param chartUrl where the card finds its sparkline picture; null when it has none
     */
    public record IndicatorLine(long id, String code, String title, String area, String ownerName,
                                IndicatorProgress progress, String chartUrl) {
    }

    /** An indicator value reported since the previous digest: a change as much as a new status is. */
    public record ValueReported(String code, String title, Indicator indicator, IndicatorValue value) {
    }

    /** The indicator values reported after {@link #since}, oldest first. */
    public List<ValueReported> valuesReported() {
        return indicators.stream().flatMap(i -> i.progress().values().stream()
                        .filter(v -> v.reportedAt().isAfter(since))
                        .map(v -> new ValueReported(i.code(), i.title(), i.progress().indicator(), v)))
                .sorted(java.util.Comparator.comparing((ValueReported r) -> r.value().reportedAt())
                        .thenComparingLong(r -> r.value().id()))
                .toList();
    }

    /** What changed since {@link #since}: the status changes and the indicator values reported. */
    public int changeCount() {
        return changes.size() + valuesReported().size();
    }

    /** The same digest with each indicator's chart at {@code chartUrl(id)}. */
    public Digest withIndicatorCharts(java.util.function.LongFunction<String> chartUrl) {
        return new Digest(planId, planName, date, since, areas, changes, overdue, atRisk, dependencyRisks,
                reportsMissing, unreachableOwners, dueSoon, quality, withoutOwner, indicators.stream()
                .map(i -> new IndicatorLine(i.id(), i.code(), i.title(), i.area(), i.ownerName(), i.progress(),
                        chartUrl.apply(i.id()))).toList());
    }

    public record AreaCounts(String code, String name, int reached, int inProgress, int notStarted,
                             int unreported, int reportsMissing) {
        public int total() {
            return reached + inProgress + notStarted + unreported;
        }
    }

    /** A report that changed a milestone's status (the first report counts as a change). */
    public record Change(String code, String title, Status from, Status to, String reporterName,
                         String ownerName, String comment, Instant reportedAt) {
    }

    /** @param area the name of the item's priority area */
    public record Item(String code, String title, String ownerName, LocalDate due, boolean dateUncertain,
                       Status status, LocalDate expectedDate, Instant lastReport, String area) {

        public static Item of(PlanItem item, String area) {
            return new Item(item.code(), item.title(), item.ownerName(), item.effectiveDueDate(),
                    item.dateUncertain(), item.status(), item.expectedDate(), item.reportedAt(), area);
        }
    }

    /**
     * A milestone at risk through its dependencies with all its prerequisites in trouble, so a leader
     * reads one line per milestone at risk instead of one per chain.
     */
    public record DependencyGroup(String code, String title, LocalDate due, List<Prerequisite> prerequisites) {
    }

    /** A prerequisite in trouble, anywhere upstream of the milestone at risk. */
    public record Prerequisite(String code, DependencyRisk.Reason reason, LocalDate due, LocalDate expected) {
    }

    /** The dependency risks grouped by the milestone at risk, in the order the rule found them; each prerequisite once. */
    public List<DependencyGroup> dependencyGroups() {
        Map<String, DependencyGroup> groups = new LinkedHashMap<>();
        for (DependencyRisk risk : dependencyRisks) {
            DependencyGroup group = groups.computeIfAbsent(risk.code(),
                    code -> new DependencyGroup(code, risk.title(), risk.due(), new ArrayList<>()));
            if (group.prerequisites().stream().noneMatch(p -> p.code().equals(risk.prerequisite()))) {
                group.prerequisites().add(new Prerequisite(risk.prerequisite(), risk.reason(), risk.prerequisiteDue(),
                        risk.prerequisiteExpected()));
            }
        }
        return groups.values().stream().map(g -> new DependencyGroup(g.code(), g.title(), g.due(),
                List.copyOf(g.prerequisites()))).toList();
    }
}
