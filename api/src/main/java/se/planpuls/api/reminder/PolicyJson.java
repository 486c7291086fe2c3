package se.planpuls.api.reminder;

import java.util.List;

/**
 * The shape of a plan's reminder policy on the wire, as {@code ReminderPolicyJson} writes and reads
 * it; described here so the OpenAPI document can show it. A {@code PUT} takes any of the fields (one
 * left out takes its default); {@code reviewDate} and {@code quietPeriod} may be null.
 */
record PolicyJson(List<Integer> deadlineDays, Boolean overdue, String reviewDate, List<Integer> reviewDays,
                  Integer checkInMonths, Integer checkInSkipDays, Integer followUpAfter, Integer missingAfter,
                  QuietPeriodJson quietPeriod, Integer staleAfterDays) {

    /** Non-urgent prompts wait {@code weeks} weeks from the first {@code weekday} of {@code month} (1-12). */
    record QuietPeriodJson(Integer month, String weekday, Integer weeks) {
    }
}
