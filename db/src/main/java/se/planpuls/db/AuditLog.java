package se.planpuls.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import se.planpuls.domain.Actor;

/**
 * Writes audit entries inside the caller's transaction, so a change and its record commit together.
 * Every service that changes data calls {@link #record}; the before and after snapshots are the
 * entity's records as JSON.
 */
final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private AuditLog() {
    }

    static void record(Handle handle, Clock clock, Actor actor, String action, String entity, Long entityId,
                              Long planId, String reason, Object before, Object after) {
        Actor who = actor == null ? Actor.SYSTEM : actor;
        // The statement itself rather than the DAO: attaching a SQL object costs more than the insert,
        // and every write of every turn records itself here.
        handle.createUpdate(AuditDao.INSERT).bind("at", clock.instant()).bind("actor", who.name())
                .bind("source", who.source()).bind("action", action).bind("entity", entity)
                .bind("entityId", entityId).bind("planId", planId).bind("reason", reason)
                .bind("beforeJson", json(before)).bind("afterJson", json(after)).execute();
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an audit snapshot", e);
        }
    }
}
