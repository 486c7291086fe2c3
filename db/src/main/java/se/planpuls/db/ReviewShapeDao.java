package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the annual review reads of items' shapes beside their status: the report-to bodies, who
 * answered for a group, and a count-based item's reports in the year.
 */
@RegisterConstructorMapper(ReviewShapeDao.Bodies.class)
@RegisterConstructorMapper(ReviewShapeDao.Answer.class)
@RegisterConstructorMapper(ReviewShapeDao.Made.class)
interface ReviewShapeDao {

    /** Every item of the plan that reports to someone: all bodies one a line, or the one body alone. */
    @SqlQuery("""
            SELECT id AS milestone_id, report_bodies, report_to FROM milestones
            WHERE plan_id = :planId AND deleted_at IS NULL AND (report_bodies IS NOT NULL OR report_to IS NOT NULL)""")
    List<Bodies> reportBodies(long planId);

    record Bodies(long milestoneId, String reportBodies, String reportTo) {
        List<String> all() {
            return reportBodies != null ? List.of(reportBodies.split("\n")) : reportTo == null ? List.of()
                    : List.of(reportTo);
        }
    }

    /**
     * For each of the plan's group-owned items whose latest report before {@code before} was made for
     * the group, the member who made it (a report made otherwise, by an admin say, names nobody).
     */
    @SqlQuery("""
            SELECT r.milestone_id, r.reporter_name FROM status_reports r
            JOIN milestones m ON m.id = r.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL AND m.owner_group_id IS NOT NULL
              AND r.for_group_id IS NOT NULL
              AND r.id = (SELECT MAX(r2.id) FROM status_reports r2
                          WHERE r2.milestone_id = m.id AND r2.reported_at < :before)""")
    List<Answer> groupAnswers(long planId, Instant before);

    record Answer(long milestoneId, String reporterName) {
    }

    /** When each report on the plan's count-based items was made in [from, before). */
    @SqlQuery("""
            SELECT r.milestone_id, r.reported_at FROM status_reports r
            JOIN milestones m ON m.id = r.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL AND m.times_min IS NOT NULL
              AND r.reported_at >= :from AND r.reported_at < :before
            ORDER BY r.milestone_id, r.reported_at""")
    List<Made> countedReports(long planId, Instant from, Instant before);

    record Made(long milestoneId, Instant reportedAt) {
    }

    // --- kept with a taken review

    @org.jdbi.v3.sqlobject.statement.SqlUpdate("""
            UPDATE annual_review_items SET parent_code = :parentCode, ongoing = :ongoing, owner_name = :ownerName,
                   owner_is_group = :ownerIsGroup, answered_by = :answeredBy, report_to = :reportTo,
                   count_reports = :countReports, count_min = :countMin, count_max = :countMax, count_pace = :countPace,
                   deliverables_reached = :deliverablesReached, deliverables_total = :deliverablesTotal,
                   deliverables_at_risk = :deliverablesAtRisk
            WHERE review_id = :reviewId AND position = :position""")
    void keepShape(long reviewId, int position, String parentCode, boolean ongoing, String ownerName,
                   boolean ownerIsGroup, String answeredBy, String reportTo, Integer countReports, Integer countMin,
                   Integer countMax, String countPace, Integer deliverablesReached, Integer deliverablesTotal,
                   Boolean deliverablesAtRisk);

    @SqlQuery("""
            SELECT position, parent_code, ongoing, owner_name, owner_is_group, answered_by, report_to, count_reports,
                   count_min, count_max, count_pace, deliverables_reached, deliverables_total, deliverables_at_risk
            FROM annual_review_items WHERE review_id = :reviewId ORDER BY position""")
    @RegisterConstructorMapper(KeptShape.class)
    List<KeptShape> keptShapes(long reviewId);

    /** A kept entry's shape; rows kept before shapes were have the columns' defaults. */
    record KeptShape(int position, String parentCode, boolean ongoing, String ownerName, boolean ownerIsGroup,
                     String answeredBy, String reportTo, Integer countReports, Integer countMin, Integer countMax,
                     String countPace, Integer deliverablesReached, Integer deliverablesTotal,
                     Boolean deliverablesAtRisk) {
    }
}
