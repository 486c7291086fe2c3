package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;

@RegisterConstructorMapper(ConversationRef.class)
interface ConversationDao {
    String COLUMNS = """
            conversation_id, kind, teams_user_id, aad_object_id, owner_id, service_url, tenant_id,
            reference_json, updated_at""";

    String BY_ID = "SELECT " + COLUMNS + " FROM conversation_refs WHERE conversation_id = :conversationId";

    @SqlQuery(BY_ID)
    Optional<ConversationRef> byId(String conversationId);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM conversation_refs
            WHERE owner_id = :ownerId AND kind = 'personal' ORDER BY updated_at DESC""")
    List<ConversationRef> personalOf(long ownerId);

    @SqlQuery("SELECT " + COLUMNS + " FROM conversation_refs ORDER BY conversation_id")
    List<ConversationRef> all();

    @SqlUpdate("""
            UPDATE conversation_refs
            SET kind = :kind, teams_user_id = :teamsUserId, aad_object_id = :aadObjectId,
                owner_id = COALESCE(:ownerId, owner_id), service_url = :serviceUrl, tenant_id = :tenantId,
                reference_json = :referenceJson, updated_at = :updatedAt
            WHERE conversation_id = :conversationId""")
    int update(String conversationId, ConversationKind kind, String teamsUserId, String aadObjectId, Long ownerId,
               String serviceUrl, String tenantId, String referenceJson, Instant updatedAt);

    @SqlUpdate("""
            INSERT INTO conversation_refs (conversation_id, kind, teams_user_id, aad_object_id, owner_id,
                                           service_url, tenant_id, reference_json, updated_at)
            VALUES (:conversationId, :kind, :teamsUserId, :aadObjectId, :ownerId,
                    :serviceUrl, :tenantId, :referenceJson, :updatedAt)""")
    void insert(String conversationId, ConversationKind kind, String teamsUserId, String aadObjectId, Long ownerId,
                String serviceUrl, String tenantId, String referenceJson, Instant updatedAt);

    @SqlUpdate("UPDATE conversation_refs SET owner_id = :ownerId WHERE teams_user_id = :teamsUserId AND kind = 'personal'")
    int linkOwner(String teamsUserId, long ownerId);
}
