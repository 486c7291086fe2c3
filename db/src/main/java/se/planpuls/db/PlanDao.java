package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Area;
import se.planpuls.domain.AreaGroup;
import se.planpuls.domain.PlanSummary;

@RegisterConstructorMapper(PlanSummary.class)
@RegisterConstructorMapper(AreaGroup.class)
@RegisterConstructorMapper(Area.class)
/** Plans, their effect goals, area groups and areas; the writes are the default plan's load and the import's. */
interface PlanDao {

    @SqlQuery("""
            SELECT id, slug, name, organisation, period_start, period_end
            FROM plans ORDER BY id""")
    List<PlanSummary> plans();

    @SqlQuery("""
            SELECT id, slug, name, organisation, period_start, period_end
            FROM plans WHERE id = :id""")
    Optional<PlanSummary> plan(long id);

    @SqlQuery("SELECT COUNT(*) > 0 FROM plans WHERE slug = :slug")
    boolean exists(String slug);

    @SqlQuery("SELECT name FROM effect_goals WHERE plan_id = :planId ORDER BY position")
    List<String> effectGoals(long planId);

    /** A plan's effect goals with the group each stands beside (null: the whole plan's). */
    @SqlQuery("SELECT group_id, name FROM effect_goals WHERE plan_id = :planId ORDER BY position")
    @RegisterConstructorMapper(GoalRow.class)
    List<GoalRow> goalsByGroup(long planId);

    record GoalRow(Long groupId, String name) {
    }

    @SqlUpdate("UPDATE effect_goals SET group_id = :groupId WHERE plan_id = :planId AND name = :name")
    int linkEffectGoal(long planId, String name, long groupId);

    @SqlQuery("SELECT long_term_goal FROM plans WHERE id = :planId")
    String longTermGoal(long planId);

    @SqlUpdate("UPDATE plans SET long_term_goal = :goal WHERE id = :planId")
    void setLongTermGoal(long planId, String goal);

    @SqlQuery("""
            SELECT id, plan_id, position, name
            FROM area_groups WHERE plan_id = :planId ORDER BY position""")
    List<AreaGroup> groups(long planId);

    @SqlQuery("""
            SELECT id, plan_id, group_id, position, code, name, goal_image
            FROM areas WHERE plan_id = :planId ORDER BY position""")
    List<Area> areas(long planId);

    @SqlQuery("""
            SELECT id, plan_id, group_id, position, code, name, goal_image
            FROM areas WHERE id = :id""")
    Optional<Area> area(long id);

    @SqlUpdate("""
            INSERT INTO plans (slug, name, organisation, period_start, period_end, created_at)
            VALUES (:slug, :name, :organisation, :periodStart, :periodEnd, :createdAt)""")
    @GetGeneratedKeys("id")
    long insertPlan(String slug, String name, String organisation, int periodStart, int periodEnd, Instant createdAt);

    @SqlUpdate("INSERT INTO effect_goals (plan_id, position, name) VALUES (:planId, :position, :name)")
    void insertEffectGoal(long planId, int position, String name);

    @SqlUpdate("INSERT INTO area_groups (plan_id, position, name) VALUES (:planId, :position, :name)")
    @GetGeneratedKeys("id")
    long insertGroup(long planId, int position, String name);

    @SqlUpdate("""
            INSERT INTO areas (plan_id, group_id, position, code, name, goal_image)
            VALUES (:planId, :groupId, :position, :code, :name, :goalImage)""")
    @GetGeneratedKeys("id")
    long insertArea(long planId, long groupId, int position, String code, String name, String goalImage);

    @SqlUpdate("""
            UPDATE plans SET name = :name, organisation = :organisation, period_start = :periodStart,
                             period_end = :periodEnd
            WHERE id = :id""")
    int updatePlan(long id, String name, String organisation, int periodStart, int periodEnd);

    @SqlUpdate("DELETE FROM effect_goals WHERE plan_id = :planId")
    void deleteEffectGoals(long planId);

    @SqlQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM area_groups WHERE plan_id = :planId")
    int nextGroupPosition(long planId);

    @SqlQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM areas WHERE plan_id = :planId")
    int nextAreaPosition(long planId);

    @SqlUpdate("UPDATE areas SET group_id = :groupId, name = :name, goal_image = :goalImage WHERE id = :id")
    int updateArea(long id, long groupId, String name, String goalImage);
}
