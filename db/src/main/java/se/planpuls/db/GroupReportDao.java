package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Status;

/**
 * Reports a member makes for the group that owns an item: the same append-only history as
 * {@link ReportDao}, with the group named beside the member who answered.
 */
interface GroupReportDao {

    /** The group a report was made for, by name; empty for a report a person made for themself. */
    String GROUP_OF = """
            SELECT g.name FROM status_reports r JOIN owner_groups g ON g.id = r.for_group_id WHERE r.id = :reportId""";

    String IS_MEMBER = "SELECT COUNT(*) FROM owner_group_members WHERE group_id = :groupId AND owner_id = :ownerId";

    String GROUP_NAME = "SELECT name FROM owner_groups WHERE id = :groupId";


    /** The members of the group that owns an item, or none when a person owns it. */
    @SqlQuery("""
            SELECT gm.owner_id FROM milestones m JOIN owner_group_members gm ON gm.group_id = m.owner_group_id
            WHERE m.id = :milestoneId ORDER BY gm.owner_id""")
    List<Long> membersFor(long milestoneId);

    record ItemMember(long milestoneId, long ownerId) {
    }

    /** Each group-owned item of the plan with each member of its group. */
    @SqlQuery("""
            SELECT m.id AS milestone_id, gm.owner_id FROM milestones m
            JOIN owner_group_members gm ON gm.group_id = m.owner_group_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL ORDER BY m.id, gm.owner_id""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(ItemMember.class)
    List<ItemMember> membersOfPlan(long planId);
}
