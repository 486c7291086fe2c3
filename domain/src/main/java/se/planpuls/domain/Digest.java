package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly digest of one plan for one channel: everything a leader needs at a glance. Plain data;
 * the bot turns it into a card.
 *
 * @param since   the start of "what changed": the previous digest to the channel, else a week ago
 * @param quality the report-quality flags: reports whose colour leaders should not take at face value
 */
public record Digest(long planId, String planName, LocalDate date, Instant since, List<AreaCounts> areas,
                     List<Change> changes, List<Item> overdue, List<Item> atRisk,
                     List<DependencyRisk> dependencyRisks, List<Item> reportsMissing,
                     List<String> unreachableOwners, List<Item> dueSoon,
                     List<QualityFlag> quality) {

    public record AreaCounts(String code, String name, int reached, int inProgress, int notStarted,
                             int unreported, int reportsMissing) {
    }

    /** A report that changed a milestone's status (the first report counts as a change). */
    public record Change(String code, String title, Status from, Status to, String reporterName,
                         String ownerName, String comment, Instant reportedAt) {
    }

    public record Item(String code, String title, String ownerName, LocalDate due, boolean dateUncertain,
                       Status status, LocalDate expectedDate, Instant lastReport) {

        public static Item of(PlanItem item) {
            return new Item(item.code(), item.title(), item.ownerName(), item.effectiveDueDate(),
                    item.dateUncertain(), item.status(), item.expectedDate(), item.reportedAt());
        }
    }
}
