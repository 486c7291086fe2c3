package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.ChannelSubscription;
import se.planpuls.domain.DependencyEdge;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.Status;

/** The queries behind what leaders read: plan-wide status, changes, subscriptions and review snapshots. */
@RegisterConstructorMapper(ChannelSubscription.class)
@RegisterConstructorMapper(DependencyEdge.class)
interface LeadershipDao {

    /**
     * Every milestone of a plan with its latest report, in the plan's order (area, then position):
     * one row each from {@code latest_reports}, which a trigger keeps in step with the history.
     */
    default List<PlanItem> items(long planId) {
        return milestoneRows(planId).stream().map(ItemRow::item).toList();
    }

    /**
     * The same milestones with the latest report made before {@code before}: the history is
     * append-only, so this is each milestone's status as it stood at that instant. Where the latest
     * report of all is older than {@code before} it is that one (the common case, a review as of
     * today or of a past date for milestones quiet since); otherwise the latest report before is
     * one probe of the (milestone_id, reported_at) index and then a read by key.
     */
    default List<PlanItem> itemsBefore(long planId, Instant before) {
        List<ItemRow> rows = milestoneRowsBefore(planId, before);
        List<Long> ids = rows.stream().filter(r -> !r.latestBefore(before) && r.latestId() != null)
                .map(ItemRow::latestId).toList();
        java.util.Map<Long, LatestRow> earlier = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            reports(ids.subList(from, Math.min(ids.size(), from + 1000))).forEach(r -> earlier.put(r.id(), r));
        }
        return rows.stream().map(row -> {
            if (row.latestBefore(before)) {
                return row.item();
            }
            LatestRow r = row.latestId() == null ? null : earlier.get(row.latestId());
            return row.with(r);
        }).toList();
    }

    @SqlQuery("""
            SELECT m.id, m.area_id, m.code, m.title, m.due_year, m.due_date, m.date_uncertain, m.owner_id,
                   COALESCE(o.name, g.name) AS owner_name, m.kind, m.frequency, m.starts_on,
                   CASE WHEN l.reported_at < :before THEN l.report_id
                        ELSE (SELECT MAX(r2.id) FROM status_reports r2
                              WHERE r2.milestone_id = m.id AND r2.reported_at < :before) END AS latest_id,
                   l.status, l.comment, l.reported_at, l.at_risk, l.expected_date,
                   m.parent_id, m.ongoing, m.times_min, m.times_max, m.owner_group_id
            FROM milestones m
            JOIN areas a ON a.id = m.area_id
            LEFT JOIN owners o ON o.id = m.owner_id
            LEFT JOIN owner_groups g ON g.id = m.owner_group_id
            LEFT JOIN latest_reports l ON l.milestone_id = m.id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL
            ORDER BY a.position, m.position""")
    @RegisterConstructorMapper(ItemRow.class)
    List<ItemRow> milestoneRowsBefore(long planId, Instant before);

    @SqlQuery("""
            SELECT m.id, m.area_id, m.code, m.title, m.due_year, m.due_date, m.date_uncertain, m.owner_id,
                   COALESCE(o.name, g.name) AS owner_name, m.kind, m.frequency, m.starts_on, l.report_id AS latest_id,
                   l.status, l.comment, l.reported_at, l.at_risk, l.expected_date,
                   m.parent_id, m.ongoing, m.times_min, m.times_max, m.owner_group_id
            FROM milestones m
            JOIN areas a ON a.id = m.area_id
            LEFT JOIN owners o ON o.id = m.owner_id
            LEFT JOIN owner_groups g ON g.id = m.owner_group_id
            LEFT JOIN latest_reports l ON l.milestone_id = m.id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL
            ORDER BY a.position, m.position""")
    @RegisterConstructorMapper(ItemRow.class)
    List<ItemRow> milestoneRows(long planId);

    /** A milestone, its shape as leaders need it, and the report columns of its latest report (all null when it has none). */
    record ItemRow(long id, long areaId, String code, String title, int dueYear, java.time.LocalDate dueDate,
                   boolean dateUncertain, Long ownerId, String ownerName, String kind, String frequency,
                   java.time.LocalDate startsOn, Long latestId, Status status, String comment, Instant reportedAt,
                   Boolean atRisk, java.time.LocalDate expectedDate, Long parentId, boolean ongoing, Integer timesMin,
                   Integer timesMax, Long ownerGroupId) {

        boolean latestBefore(Instant before) {
            return reportedAt != null && reportedAt.isBefore(before);
        }

        PlanItem item() {
            return latestId == null ? with(null) : with(new LatestRow(latestId, status, comment, reportedAt,
                    Boolean.TRUE.equals(atRisk), expectedDate));
        }

        /** The item's shape as leaders need it (report-to bodies are not read here). */
        se.planpuls.domain.ItemShape shape() {
            return new se.planpuls.domain.ItemShape(parentId, ongoing, timesMin == null ? null
                    : new se.planpuls.domain.TimesPerYear(timesMin, timesMax), java.util.List.of(), ownerGroupId);
        }

        PlanItem with(LatestRow r) {
            return new PlanItem(id, areaId, code, title, dueYear, dueDate, dateUncertain, ownerId, ownerName,
                    r == null ? null : r.status(), r == null ? null : r.comment(),
                    r == null ? null : r.reportedAt(), r != null && r.atRisk(), r == null ? null : r.expectedDate(),
                    se.planpuls.domain.ItemKind.parse(kind).orElse(se.planpuls.domain.ItemKind.MILESTONE),
                    frequency == null ? null : se.planpuls.domain.Frequency.parse(frequency).orElse(null),
                    startsOn, shape());
        }
    }

    @SqlQuery("""
            SELECT id, status, comment, reported_at, COALESCE(at_risk, FALSE) AS at_risk, expected_date
            FROM status_reports WHERE id IN (<ids>)""")
    @RegisterConstructorMapper(LatestRow.class)
    List<LatestRow> reports(@org.jdbi.v3.sqlobject.customizer.BindList("ids") List<Long> ids);

    record LatestRow(long id, Status status, String comment, Instant reportedAt, boolean atRisk,
                     java.time.LocalDate expectedDate) {
    }

    @SqlQuery("""
            SELECT d.milestone_id, d.depends_on_id, d.basis FROM milestone_dependencies d
            JOIN milestones m ON m.id = d.milestone_id
            JOIN milestones t ON t.id = d.depends_on_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL AND t.deleted_at IS NULL
            ORDER BY d.milestone_id, d.depends_on_id""")
    List<DependencyEdge> edges(long planId);

    /**
     * Reports of a plan in (from, to], each with the status of the report before it (null for a first report).
     * The report before is the first of the milestone's reports below this one in newest-first order,
     * which both databases read as one entry of the (milestone_id, id DESC) index; H2 answered MAX(id),
     * or an ascending index, by reading every earlier report of the milestone.
     */
    @SqlQuery("""
            SELECT r.milestone_id, r.status, r.comment, r.reporter_name, r.reported_at,
                   (SELECT p.status FROM status_reports p
                    WHERE p.milestone_id = r.milestone_id AND p.id < r.id ORDER BY p.milestone_id, p.id DESC
                    LIMIT 1) AS previous_status
            FROM status_reports r
            JOIN milestones m ON m.id = r.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL AND r.reported_at > :from AND r.reported_at <= :to
            ORDER BY r.reported_at, r.id""")
    @RegisterConstructorMapper(ReportRow.class)
    List<ReportRow> reportsBetween(long planId, Instant from, Instant to);

    record ReportRow(long milestoneId, Status status, String comment, String reporterName, Instant reportedAt,
                     Status previousStatus) {
    }

    /** Owners of the plan's open milestones that have no personal chat with the bot. */
    @SqlQuery("""
            SELECT DISTINCT o.name FROM owners o
            JOIN milestones m ON m.owner_id = o.id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM conversation_refs c WHERE c.owner_id = o.id AND c.kind = 'personal')
            ORDER BY o.name""")
    List<String> unreachableOwners(long planId);

    /** The effects reported as seen on any report of the plan's milestones, in effect order. */
    @SqlQuery("""
            SELECT DISTINCT e.milestone_id, e.position, e.text FROM report_effects re
            JOIN milestone_effects e ON e.id = re.effect_id
            JOIN milestones m ON m.id = e.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL
            ORDER BY e.milestone_id, e.position""")
    @RegisterConstructorMapper(EffectSeen.class)
    List<EffectSeen> effectsSeen(long planId);

    /** The effects reported as seen on the plan's reports made before {@code before}, in effect order. */
    @SqlQuery("""
            SELECT DISTINCT e.milestone_id, e.position, e.text FROM report_effects re
            JOIN status_reports r ON r.id = re.report_id
            JOIN milestone_effects e ON e.id = re.effect_id
            JOIN milestones m ON m.id = e.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL AND r.reported_at < :before
            ORDER BY e.milestone_id, e.position""")
    @RegisterConstructorMapper(EffectSeen.class)
    List<EffectSeen> effectsSeenBefore(long planId, Instant before);

    record EffectSeen(long milestoneId, int position, String text) {
    }

    // --- channel subscriptions

    /** The plan's milestones that a report ever said were reached. */
    @SqlQuery("""
            SELECT m.id FROM milestones m
            WHERE m.plan_id = :planId
              AND EXISTS (SELECT 1 FROM status_reports r WHERE r.milestone_id = m.id AND r.status = 'REACHED')""")
    java.util.Set<Long> everReached(long planId);

    String SUBSCRIPTION = """
            SELECT id, plan_id, team_id, channel_id, schedule, service_url, tenant_id, created_by, created_at, language
            FROM channel_subscriptions""";

    @SqlQuery(SUBSCRIPTION + " ORDER BY id")
    List<ChannelSubscription> subscriptions();

    @SqlQuery(SUBSCRIPTION + " WHERE id = :id")
    Optional<ChannelSubscription> subscription(long id);

    @SqlQuery(SUBSCRIPTION + " WHERE plan_id = :planId AND channel_id = :channelId")
    Optional<ChannelSubscription> subscription(long planId, String channelId);

    @SqlUpdate("""
            INSERT INTO channel_subscriptions (plan_id, team_id, channel_id, schedule, service_url, tenant_id,
                                               created_by, created_at, language)
            VALUES (:planId, :teamId, :channelId, :schedule, :serviceUrl, :tenantId, :createdBy, :createdAt, :language)""")
    @GetGeneratedKeys("id")
    long insertSubscription(long planId, String teamId, String channelId, String schedule, String serviceUrl,
                            String tenantId, String createdBy, Instant createdAt, String language);

    @SqlUpdate("DELETE FROM channel_subscriptions WHERE id = :id")
    int deleteSubscription(long id);

    /** Service URL and tenant of a stored channel conversation: the channel itself or a thread in it. */
    @SqlQuery("""
            SELECT service_url, tenant_id FROM conversation_refs
            WHERE kind = 'channel' AND (conversation_id = :channelId OR conversation_id LIKE :threadPrefix ESCAPE '\\')
            ORDER BY updated_at DESC LIMIT 1""")
    @RegisterConstructorMapper(Endpoint.class)
    Optional<Endpoint> channelEndpoint(String channelId, String threadPrefix);

    record Endpoint(String serviceUrl, String tenantId) {
    }

    @SqlUpdate("INSERT INTO digest_posts (subscription_id, covered_from, posted_at) VALUES (:subscriptionId, :from, :at)")
    void insertDigestPost(long subscriptionId, Instant from, Instant at);

    @SqlQuery("SELECT MAX(posted_at) FROM digest_posts WHERE subscription_id = :subscriptionId")
    Optional<Instant> lastDigest(long subscriptionId);

    // --- dependencies

    @SqlUpdate("DELETE FROM milestone_dependencies WHERE milestone_id = :milestoneId AND depends_on_id = :dependsOnId")
    int deleteDependency(long milestoneId, long dependsOnId);

    @SqlQuery("SELECT COUNT(*) > 0 FROM milestone_dependencies WHERE milestone_id = :milestoneId AND depends_on_id = :dependsOnId")
    boolean dependencyExists(long milestoneId, long dependsOnId);

    // --- annual review snapshots

    @SqlUpdate("""
            INSERT INTO annual_reviews (plan_id, review_year, taken_at, as_of)
            VALUES (:planId, :year, :takenAt, :asOf)""")
    @GetGeneratedKeys("id")
    long insertReview(long planId, int year, Instant takenAt, java.time.LocalDate asOf);

    @SqlQuery("""
            SELECT id, taken_at, as_of FROM annual_reviews WHERE plan_id = :planId AND review_year = :year
            ORDER BY id DESC LIMIT 1""")
    @RegisterConstructorMapper(ReviewHead.class)
    Optional<ReviewHead> latestReview(long planId, int year);

    record ReviewHead(long id, Instant takenAt, java.time.LocalDate asOf) {
    }

    @SqlUpdate("""
            INSERT INTO annual_review_items (review_id, position, group_name, area_code, area_name, milestone_code,
                                             title, due_year, date_uncertain, status, last_comment, reported_at,
                                             effects_seen, effects_expected)
            VALUES (:reviewId, :position, :groupName, :areaCode, :areaName, :milestoneCode, :title, :dueYear,
                    :dateUncertain, :status, :lastComment, :reportedAt, :effectsSeen, :effectsExpected)""")
    void insertReviewItem(long reviewId, int position, String groupName, String areaCode, String areaName,
                          String milestoneCode, String title, int dueYear, boolean dateUncertain, Status status,
                          String lastComment, Instant reportedAt, String effectsSeen, String effectsExpected);

    @SqlQuery("""
            SELECT group_name, area_code, area_name, milestone_code, title, due_year, date_uncertain, status,
                   last_comment, reported_at, effects_seen, effects_expected
            FROM annual_review_items WHERE review_id = :reviewId ORDER BY position""")
    @RegisterConstructorMapper(ReviewItemRow.class)
    List<ReviewItemRow> reviewItems(long reviewId);

    record ReviewItemRow(String groupName, String areaCode, String areaName, String milestoneCode, String title,
                         int dueYear, boolean dateUncertain, Status status, String lastComment, Instant reportedAt,
                         String effectsSeen, String effectsExpected) {
    }
}
