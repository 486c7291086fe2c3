package se.planpuls.db;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;

@RegisterConstructorMapper(Milestone.class)
@RegisterRowMapper(MilestoneViewMapper.class)
public interface MilestoneDao {

    /** The view's columns; the latest report is the one with the highest id, as ids follow insertion order. */
    String VIEW = """
            SELECT m.id, m.plan_id, m.area_id, m.position, m.code, m.title, m.description, m.reached_when,
                   m.due_year, m.due_date, m.date_uncertain, m.owner_id,
                   a.code AS area_code, a.name AS area_name, o.name AS owner_name,
                   r.id AS r_id, r.status AS r_status, r.comment AS r_comment,
                   r.reporter_owner_id AS r_reporter_owner_id, r.reporter_name AS r_reporter_name,
                   r.on_behalf_of_id AS r_on_behalf_of_id, r.source AS r_source, r.reported_at AS r_reported_at,
                   r.at_risk AS r_at_risk, r.expected_date AS r_expected_date
            FROM milestones m
            JOIN areas a ON a.id = m.area_id
            LEFT JOIN owners o ON o.id = m.owner_id
            LEFT JOIN status_reports r
                   ON r.id = (SELECT MAX(r2.id) FROM status_reports r2 WHERE r2.milestone_id = m.id)
            """;

    @SqlQuery(VIEW + " WHERE m.id = :id")
    Optional<MilestoneView> view(long id);

    @SqlQuery(VIEW + " WHERE m.plan_id = :planId ORDER BY a.position, m.position")
    List<MilestoneView> viewsOfPlan(long planId);

    @SqlQuery(VIEW + " WHERE m.owner_id = :ownerId ORDER BY m.due_year, m.due_date, a.position, m.position")
    List<MilestoneView> viewsOfOwner(long ownerId);

    /** Filtered search; each filter is skipped when null. {@code q} matches code or title, case-insensitively. */
    @SqlQuery(VIEW + """
             WHERE (CAST(:q AS VARCHAR) IS NULL OR LOWER(m.title) LIKE :q OR LOWER(m.code) LIKE :q)
               AND (CAST(:areaCode AS VARCHAR) IS NULL OR LOWER(a.code) = LOWER(:areaCode))
               AND (CAST(:ownerId AS BIGINT) IS NULL OR m.owner_id = :ownerId)
               AND (CAST(:status AS VARCHAR) IS NULL OR r.status = :status
                    OR (:status = 'UNREPORTED' AND r.id IS NULL))
             ORDER BY m.plan_id, a.position, m.position""")
    List<MilestoneView> search(String q, String areaCode, Long ownerId, String status);

    @SqlQuery("""
            SELECT id, plan_id, area_id, position, code, title, description, reached_when, due_year, due_date,
                   date_uncertain, owner_id
            FROM milestones WHERE id = :id""")
    Optional<Milestone> milestone(long id);

    @SqlUpdate("""
            INSERT INTO milestones (plan_id, area_id, position, code, title, description, reached_when,
                                    due_year, due_date, date_uncertain, owner_id)
            VALUES (:planId, :areaId, :position, :code, :title, :description, :reachedWhen,
                    :dueYear, :dueDate, :dateUncertain, NULL)""")
    @GetGeneratedKeys("id")
    long insert(long planId, long areaId, int position, String code, String title, String description,
                String reachedWhen, int dueYear, LocalDate dueDate, boolean dateUncertain);

    @SqlUpdate("UPDATE milestones SET owner_id = :ownerId WHERE id = :id")
    int assignOwner(long id, Long ownerId);

    @SqlUpdate("UPDATE milestones SET due_year = :dueYear, due_date = :dueDate WHERE id = :id")
    int moveDue(long id, int dueYear, LocalDate dueDate);

    @SqlUpdate("INSERT INTO milestone_effects (milestone_id, position, text) VALUES (:milestoneId, :position, :text)")
    @GetGeneratedKeys("id")
    long insertEffect(long milestoneId, int position, String text);

    @SqlUpdate("INSERT INTO effect_audiences (effect_id, audience) VALUES (:effectId, :audience)")
    void insertAudience(long effectId, String audience);

    @SqlUpdate("""
            INSERT INTO milestone_dependencies (milestone_id, depends_on_id, source)
            VALUES (:milestoneId, :dependsOnId, :source)""")
    void insertDependency(long milestoneId, long dependsOnId, String source);

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

    record EffectRow(long id, long milestoneId, int position, String text, String audience) {
    }
}
