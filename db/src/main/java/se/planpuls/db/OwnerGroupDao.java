package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.OwnerGroup;

/** Owner groups and their members. */
interface OwnerGroupDao {

    record GroupRow(long id, String name, int version) {
    }

    @SqlQuery("SELECT id, name, version FROM owner_groups WHERE deleted_at IS NULL ORDER BY name")
    @RegisterConstructorMapper(GroupRow.class)
    List<GroupRow> all();

    @SqlQuery("SELECT id, name, version FROM owner_groups WHERE id = :id AND deleted_at IS NULL")
    @RegisterConstructorMapper(GroupRow.class)
    Optional<GroupRow> byId(long id);

    /** Any group with this name, deleted or not: names stay unique, and an import revives a deleted one. */
    @SqlQuery("SELECT id, name, version FROM owner_groups WHERE LOWER(name) = LOWER(:name)")
    @RegisterConstructorMapper(GroupRow.class)
    Optional<GroupRow> anyByName(String name);

    @SqlQuery("SELECT deleted_at IS NOT NULL FROM owner_groups WHERE id = :id")
    boolean deleted(long id);

    @SqlUpdate("INSERT INTO owner_groups (name, created_at) VALUES (:name, :at)")
    @GetGeneratedKeys("id")
    long insert(String name, Instant at);

    @SqlUpdate("UPDATE owner_groups SET name = :name, deleted_at = NULL, version = version + 1 WHERE id = :id")
    int rename(long id, String name);

    @SqlUpdate("UPDATE owner_groups SET deleted_at = :at, version = version + 1 WHERE id = :id")
    int softDelete(long id, Instant at);

    @SqlUpdate("UPDATE owner_groups SET version = version + 1 WHERE id = :id")
    int bumpVersion(long id);

    @SqlQuery("""
            SELECT o.id AS owner_id, o.name, o.email, o.aad_object_id
            FROM owner_group_members gm JOIN owners o ON o.id = gm.owner_id
            WHERE gm.group_id = :groupId ORDER BY o.name, o.id""")
    @RegisterConstructorMapper(OwnerGroup.Member.class)
    List<OwnerGroup.Member> members(long groupId);

    @SqlQuery("SELECT COUNT(*) FROM owner_group_members WHERE group_id = :groupId AND owner_id = :ownerId")
    int isMember(long groupId, long ownerId);

    @SqlUpdate("INSERT INTO owner_group_members (group_id, owner_id, added_at) VALUES (:groupId, :ownerId, :at)")
    void addMember(long groupId, long ownerId, Instant at);

    @SqlUpdate("DELETE FROM owner_group_members WHERE group_id = :groupId AND owner_id = :ownerId")
    int removeMember(long groupId, long ownerId);

    @SqlQuery("SELECT group_id FROM owner_group_members WHERE owner_id = :ownerId ORDER BY group_id")
    List<Long> groupsOf(long ownerId);

    @SqlQuery("SELECT COUNT(*) FROM milestones WHERE owner_group_id = :groupId AND deleted_at IS NULL")
    int itemCount(long groupId);
}
