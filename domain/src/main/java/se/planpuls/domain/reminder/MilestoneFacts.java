package se.planpuls.domain.reminder;

import java.time.Instant;
import java.util.List;
import se.planpuls.domain.Milestone;

/**
 * What the planner needs to know about one milestone.
 *
 * @param lastReportAt when its latest status report was made, or null
 * @param areaLeadId   the owner who leads its area, or null
 * @param sent         the reminders about it that the sent-log holds as done, in any order
 * @param reportedAt   when each report of this year was made, for a count-based commitment (which is
 *                     judged by how many it has); may be empty for the other shapes
 */
public record MilestoneFacts(Milestone milestone, boolean reached, Instant lastReportAt, Long areaLeadId,
                             List<SentReminder> sent, List<Instant> reportedAt) {

    public MilestoneFacts {
        reportedAt = reportedAt == null ? List.of() : List.copyOf(reportedAt);
    }

    /** The facts of an item that is not count-based: its latest report is all the planner reads. */
    public MilestoneFacts(Milestone milestone, boolean reached, Instant lastReportAt, Long areaLeadId,
                          List<SentReminder> sent) {
        this(milestone, reached, lastReportAt, areaLeadId, sent, List.of());
    }
}
