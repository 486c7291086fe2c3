package se.planpuls.db;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;

/** Items and their effects and dependencies; rows map through {@link MilestoneViewMapper}, which {@link Database} registers. */
interface MilestoneDao {

    /**
     * The view's columns; the latest report is the one with the highest id, as ids follow insertion
     * order, which {@code latest_reports} holds per milestone (kept by a trigger on every report).
     */
    String VIEW = """
            SELECT m.id, m.plan_id, m.area_id, m.position, m.code, m.title, m.description, m.reached_when,
                   m.due_year, m.due_date, m.date_uncertain, m.owner_id,
                   m.kind, m.report_to, m.frequency, m.starts_on, m.version,
                   m.parent_id, m.ongoing, m.times_min, m.times_max, m.report_bodies, m.owner_group_id,
                   a.code AS area_code, a.name AS area_name, COALESCE(o.name, g.name) AS owner_name,
                   r.report_id AS r_id, r.status AS r_status, r.comment AS r_comment,
                   r.reporter_owner_id AS r_reporter_owner_id, r.reporter_name AS r_reporter_name,
                   r.on_behalf_of_id AS r_on_behalf_of_id, r.source AS r_source, r.reported_at AS r_reported_at,
                   r.at_risk AS r_at_risk, r.expected_date AS r_expected_date
            FROM milestones m
            JOIN areas a ON a.id = m.area_id
            LEFT JOIN owners o ON o.id = m.owner_id
            LEFT JOIN owner_groups g ON g.id = m.owner_group_id
            LEFT JOIN latest_reports r ON r.milestone_id = m.id
            """;

    String VIEW_BY_ID = VIEW + " WHERE m.id = :id AND m.deleted_at IS NULL";

    @SqlQuery(VIEW_BY_ID)
    Optional<MilestoneView> view(long id);

    @SqlQuery(VIEW + " WHERE m.plan_id = :planId AND m.deleted_at IS NULL ORDER BY a.position, m.position")
    List<MilestoneView> viewsOfPlan(long planId);

    String VIEWS_OF_OWNER = VIEW
            + " WHERE m.owner_id = :ownerId AND m.deleted_at IS NULL ORDER BY m.due_year, m.due_date, a.position, m.position";

    /** The items of the groups {@code :ownerId} is a member of. */
    // A sub-select rather than a join: after the outer joins of VIEW, a join on the members made H2
    // scan every milestone of every plan on each turn; the sub-select is read through the group index.
    String VIEWS_OF_MEMBER = VIEW + """
             WHERE m.owner_group_id IN (SELECT gm.group_id FROM owner_group_members gm WHERE gm.owner_id = :ownerId)
               AND m.deleted_at IS NULL ORDER BY m.due_year, m.due_date, m.position""";

    /** The sub-deliverables of the given parents, each with its latest report, in plan order. */
    String CHILDREN_OF = VIEW
            + " WHERE m.parent_id IN (<parentIds>) AND m.deleted_at IS NULL ORDER BY m.parent_id, a.position, m.position";

    @SqlQuery(VIEWS_OF_OWNER)
    List<MilestoneView> viewsOfOwner(long ownerId);

    /** Filtered search; each filter is skipped when null. {@code q} matches code or title, case-insensitively. */
    @SqlQuery(VIEW + """
             WHERE m.deleted_at IS NULL
               AND (CAST(:q AS VARCHAR) IS NULL OR LOWER(m.title) LIKE :q OR LOWER(m.code) LIKE :q)
               AND (CAST(:areaCode AS VARCHAR) IS NULL OR LOWER(a.code) = LOWER(:areaCode))
               AND (CAST(:ownerId AS BIGINT) IS NULL OR m.owner_id = :ownerId)
               AND (CAST(:status AS VARCHAR) IS NULL OR r.status = :status
                    OR (:status = 'UNREPORTED' AND r.report_id IS NULL))
             ORDER BY m.plan_id, a.position, m.position""")
    List<MilestoneView> search(String q, String areaCode, Long ownerId, String status);

    @SqlQuery(VIEW_BY_ID)
    Optional<Milestone> milestone(long id);

    @SqlUpdate("""
            INSERT INTO milestones (plan_id, area_id, position, code, title, description, reached_when,
                                    due_year, due_date, date_uncertain, owner_id)
            VALUES (:planId, :areaId, :position, :code, :title, :description, :reachedWhen,
                    :dueYear, :dueDate, :dateUncertain, NULL)""")
    @GetGeneratedKeys("id")
    long insert(long planId, long areaId, int position, String code, String title, String description,
                String reachedWhen, int dueYear, LocalDate dueDate, boolean dateUncertain);

    @SqlUpdate("UPDATE milestones SET owner_id = :ownerId, version = version + 1 WHERE id = :id")
    int assignOwner(long id, Long ownerId);

    @SqlUpdate("UPDATE milestones SET due_year = :dueYear, due_date = :dueDate, version = version + 1 WHERE id = :id")
    int moveDue(long id, int dueYear, LocalDate dueDate);

    @SqlUpdate("INSERT INTO milestone_effects (milestone_id, position, text) VALUES (:milestoneId, :position, :text)")
    @GetGeneratedKeys("id")
    long insertEffect(long milestoneId, int position, String text);

    @SqlUpdate("INSERT INTO effect_audiences (effect_id, audience) VALUES (:effectId, :audience)")
    void insertAudience(long effectId, String audience);

    @SqlUpdate("""
            INSERT INTO milestone_dependencies (milestone_id, depends_on_id, source, basis)
            VALUES (:milestoneId, :dependsOnId, :source, :basis)""")
    void insertDependency(long milestoneId, long dependsOnId, String source, String basis);

    @SqlQuery("SELECT depends_on_id FROM milestone_dependencies WHERE milestone_id = :milestoneId ORDER BY depends_on_id")
    List<Long> dependsOn(long milestoneId);

    @SqlQuery("SELECT milestone_id FROM milestone_dependencies WHERE depends_on_id = :milestoneId ORDER BY milestone_id")
    List<Long> dependents(long milestoneId);

    @SqlQuery("SELECT COUNT(*) FROM milestone_dependencies d JOIN milestones m ON m.id = d.milestone_id WHERE m.plan_id = :planId")
    int dependencyCount(long planId);

    @SqlQuery("SELECT id FROM milestones WHERE plan_id = :planId AND LOWER(code) = LOWER(:code)")
    Optional<Long> idByCode(long planId, String code);

    /** Effect rows with one audience each (or none); {@link MilestoneService} folds them into effects. */
    @SqlQuery("""
            SELECT e.id, e.milestone_id, e.position, e.text, a.audience
            FROM milestone_effects e LEFT JOIN effect_audiences a ON a.effect_id = e.id
            WHERE e.milestone_id = :milestoneId
            ORDER BY e.position, a.audience""")
    @RegisterConstructorMapper(EffectRow.class)
    List<EffectRow> effectRows(long milestoneId);

    /** The effect rows of several milestones in one statement, bound as the list {@code milestoneIds}. */
    String EFFECT_ROWS_OF = """
            SELECT e.id, e.milestone_id, e.position, e.text, a.audience
            FROM milestone_effects e LEFT JOIN effect_audiences a ON a.effect_id = e.id
            WHERE e.milestone_id IN (<milestoneIds>)
            ORDER BY e.milestone_id, e.position, a.audience""";

    record EffectRow(long id, long milestoneId, int position, String text, String audience) {
    }

    // The admin's item writes: three kinds of item, a soft delete that keeps reports, and a version
    // per item that guards concurrent changes.

    @SqlUpdate("""
            INSERT INTO milestones (plan_id, area_id, position, code, title, description, reached_when,
                                    due_year, due_date, date_uncertain, owner_id, kind, report_to, frequency, starts_on)
            VALUES (:planId, :areaId, :position, :code, :title, :description, :reachedWhen,
                    :dueYear, :dueDate, :dateUncertain, :ownerId, :kind, :reportTo, :frequency, :startsOn)""")
    @GetGeneratedKeys("id")
    long insertItem(long planId, long areaId, int position, String code, String title, String description,
                    String reachedWhen, int dueYear, LocalDate dueDate, boolean dateUncertain, Long ownerId,
                    String kind, String reportTo, String frequency, LocalDate startsOn);

    @SqlUpdate("""
            UPDATE milestones SET area_id = :areaId, position = :position, title = :title,
                   description = :description, reached_when = :reachedWhen, due_year = :dueYear, due_date = :dueDate,
                   date_uncertain = :dateUncertain, owner_id = :ownerId, kind = :kind, report_to = :reportTo,
                   frequency = :frequency, starts_on = :startsOn, deleted_at = NULL, version = version + 1
            WHERE id = :id""")
    int updateItem(long id, long areaId, int position, String title, String description, String reachedWhen,
                   int dueYear, LocalDate dueDate, boolean dateUncertain, Long ownerId, String kind, String reportTo,
                   String frequency, LocalDate startsOn);

    @SqlUpdate("UPDATE milestones SET version = version + 1 WHERE id = :id")
    int bumpVersion(long id);

    @SqlUpdate("UPDATE milestones SET deleted_at = :at, version = version + 1 WHERE id = :id AND deleted_at IS NULL")
    int softDelete(long id, java.time.Instant at);

    /** Any item with this code, deleted or not; import restores a deleted one in place. */
    @SqlQuery(VIEW + " WHERE m.plan_id = :planId AND m.code = :code")
    Optional<Milestone> anyByCode(long planId, String code);

    @SqlQuery("SELECT deleted_at IS NOT NULL FROM milestones WHERE id = :id")
    boolean deleted(long id);

    @SqlQuery("SELECT COALESCE(MAX(position), 0) FROM milestones WHERE area_id = :areaId")
    int lastPosition(long areaId);

    @SqlQuery("SELECT COUNT(*) FROM report_effects WHERE effect_id = :effectId")
    int effectUses(long effectId);

    @SqlUpdate("DELETE FROM effect_audiences WHERE effect_id = :effectId")
    void deleteAudiences(long effectId);

    @SqlUpdate("DELETE FROM milestone_effects WHERE id = :effectId")
    void deleteEffect(long effectId);

    @SqlUpdate("UPDATE milestone_effects SET text = :text WHERE id = :effectId")
    void updateEffect(long effectId, String text);

    @SqlUpdate("DELETE FROM milestone_dependencies WHERE milestone_id = :milestoneId")
    void deleteDependencies(long milestoneId);

    @SqlQuery("""
            SELECT m.code FROM milestone_dependencies d JOIN milestones m ON m.id = d.depends_on_id
            WHERE d.milestone_id = :milestoneId ORDER BY m.code""")
    List<String> dependsOnCodes(long milestoneId);

    @SqlQuery("""
            SELECT f.code AS milestone, t.code AS depends_on, d.source, d.basis
            FROM milestone_dependencies d
            JOIN milestones f ON f.id = d.milestone_id JOIN milestones t ON t.id = d.depends_on_id
            WHERE f.plan_id = :planId AND f.deleted_at IS NULL AND t.deleted_at IS NULL
            ORDER BY f.code, t.code""")
    @RegisterConstructorMapper(DependencyRow.class)
    List<DependencyRow> dependenciesOfPlan(long planId);

    record DependencyRow(String milestone, String dependsOn, String source, String basis) {
    }
}
