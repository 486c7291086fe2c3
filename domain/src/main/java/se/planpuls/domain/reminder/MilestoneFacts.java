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
 */
public record MilestoneFacts(Milestone milestone, boolean reached, Instant lastReportAt, Long areaLeadId,
                             List<SentReminder> sent) {
}
