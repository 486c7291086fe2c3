package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;

/**
 * Keeps the Teams conversation references the bot needs for proactive messages. A reference is
 * written only when something in it changed, so a chat the bot already knows costs one read.
 */
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
        var seen = new ConversationRef(conversationId, kind, teamsUserId, aadObjectId, ownerId, serviceUrl, tenantId,
                referenceJson, null);
        jdbi.useTransaction(handle -> record(handle, seen, ownerId, clock.instant()));
    }

    /** Records a conversation someone spoke to the bot in, when nobody known spoke (no owner to link). */
    public void record(ConversationRef seen) {
        jdbi.useTransaction(handle -> record(handle, seen, null, clock.instant()));
    }

    /**
     * Records {@code seen} in the caller's transaction: linked to {@code owner} when one is given,
     * otherwise keeping the owner it had; nothing is written when the stored reference already says
     * the same.
     */
    static void record(Handle handle, ConversationRef seen, Long owner, Instant now) {
        Optional<ConversationRef> stored = TurnQueries.conversation(handle, seen.conversationId());
        if (stored.isEmpty()) {
            handle.attach(ConversationDao.class).insert(seen.conversationId(), seen.kind(), seen.teamsUserId(), seen.aadObjectId(), owner,
                    seen.serviceUrl(), seen.tenantId(), seen.referenceJson(), now);
        } else if (changed(stored.get(), seen, owner)) {
            handle.attach(ConversationDao.class).update(seen.conversationId(), seen.kind(), seen.teamsUserId(), seen.aadObjectId(), owner,
                    seen.serviceUrl(), seen.tenantId(), seen.referenceJson(), now);
        }
    }

    private static boolean changed(ConversationRef stored, ConversationRef seen, Long owner) {
        return stored.kind() != seen.kind() || !Objects.equals(stored.teamsUserId(), seen.teamsUserId())
                || !Objects.equals(stored.aadObjectId(), seen.aadObjectId())
                || owner != null && !owner.equals(stored.ownerId())
                || !Objects.equals(stored.serviceUrl(), seen.serviceUrl())
                || !Objects.equals(stored.tenantId(), seen.tenantId())
                || !Objects.equals(stored.referenceJson(), seen.referenceJson());
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
