package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;

/** Keeps the Teams conversation references the bot needs for proactive messages. */
public final class ConversationService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ConversationService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Inserts or refreshes the reference of a conversation. */
    public void save(String conversationId, ConversationKind kind, String teamsUserId, String aadObjectId,
                     Long ownerId, String serviceUrl, String tenantId, String referenceJson) {
        var now = clock.instant();
        jdbi.useTransaction(handle -> {
            ConversationDao dao = handle.attach(ConversationDao.class);
            if (dao.update(conversationId, kind, teamsUserId, aadObjectId, ownerId, serviceUrl, tenantId,
                    referenceJson, now) == 0) {
                dao.insert(conversationId, kind, teamsUserId, aadObjectId, ownerId, serviceUrl, tenantId,
                        referenceJson, now);
            }
        });
    }

    public Optional<ConversationRef> personalOf(long ownerId) {
        return jdbi.withExtension(ConversationDao.class, dao -> dao.personalOf(ownerId).stream().findFirst());
    }

    public Optional<ConversationRef> byId(String conversationId) {
        return jdbi.withExtension(ConversationDao.class, dao -> dao.byId(conversationId));
    }

    public List<ConversationRef> all() {
        return jdbi.withExtension(ConversationDao.class, ConversationDao::all);
    }
}
