package se.planpuls.domain;

import java.time.LocalDate;

/**
 * A reason leaders should not take a milestone's colour at face value, found by one of the
 * report-quality rules (in {@code se.planpuls.domain.rules}). It lives beside {@link Digest}, which
 * carries it, so that the domain's packages form no cycle.
 *
 * @param date what the flag is about: the stale report's date, the passed expected date, or the due date
 */
public record QualityFlag(long milestoneId, String code, String title, String ownerName, Kind kind, LocalDate date) {

    public enum Kind {
        /** The latest report on a milestone not reached is older than the policy allows. */
        STALE,
        /** Reported at risk with an expected date that has passed, and still not reached. */
        EXPECTED_DATE_PASSED,
        /** Reported not started while its due date is near or past. */
        NOT_STARTED_NEAR_DUE,
        /** Reported reached once, and later back to in progress or not started. */
        REOPENED
    }

    public static QualityFlag of(PlanItem item, Kind kind, LocalDate date) {
        return new QualityFlag(item.id(), item.code(), item.title(), item.ownerName(), kind, date);
    }
}
