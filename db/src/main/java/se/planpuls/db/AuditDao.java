package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.AuditEntry;

/** The append-only audit log; only {@link OwnerService#erase} rewrites rows, to remove personal data. */
@RegisterConstructorMapper(AuditEntry.class)
interface AuditDao {
    String COLUMNS = """
            id, at, actor, source, action, entity, entity_id, plan_id, reason, before_json, after_json""";

    String INSERT = """
            INSERT INTO audit_log (at, actor, source, action, entity, entity_id, plan_id, reason, before_json, after_json)
            VALUES (:at, :actor, :source, :action, :entity, :entityId, :planId, :reason, :beforeJson, :afterJson)""";

    /** Entries filtered by entity type, entity id and time; each filter is skipped when null. Oldest first. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM audit_log
            WHERE (CAST(:entity AS VARCHAR) IS NULL OR entity = :entity)
              AND (CAST(:entityId AS BIGINT) IS NULL OR entity_id = :entityId)
              AND (CAST(:planId AS BIGINT) IS NULL OR plan_id = :planId)
              AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR at >= :since)
            ORDER BY id
            LIMIT :limit OFFSET :offset""")
    List<AuditEntry> find(String entity, Long entityId, Long planId, Instant since, int limit, int offset);

    @SqlQuery("""
            SELECT COUNT(*) FROM audit_log
            WHERE (CAST(:entity AS VARCHAR) IS NULL OR entity = :entity)
              AND (CAST(:entityId AS BIGINT) IS NULL OR entity_id = :entityId)
              AND (CAST(:planId AS BIGINT) IS NULL OR plan_id = :planId)
              AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR at >= :since)""")
    long count(String entity, Long entityId, Long planId, Instant since);

    @SqlUpdate("UPDATE audit_log SET actor = :replacement WHERE actor = :name")
    void renameActor(String name, String replacement);

    @SqlUpdate("""
            UPDATE audit_log SET before_json = CASE WHEN before_json IS NULL THEN NULL ELSE :erased END,
                                 after_json = CASE WHEN after_json IS NULL THEN NULL ELSE :erased END
            WHERE entity = 'owner' AND entity_id = :ownerId""")
    void eraseOwnerSnapshots(long ownerId, String erased);
}
