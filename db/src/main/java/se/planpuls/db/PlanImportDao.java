package se.planpuls.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The writes a plan import needs beyond those of {@link PlanDao} and {@link MilestoneDao}. */
public interface PlanImportDao {

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

    @SqlQuery("SELECT deleted_at IS NOT NULL FROM milestones WHERE id = :id")
    boolean deleted(long id);
}
