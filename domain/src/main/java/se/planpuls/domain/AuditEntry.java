package se.planpuls.domain;

import java.time.Instant;

/** One append-only audit record: who did what to which entity, when, with the entity's JSON before and after. */
public record AuditEntry(long id, Instant at, String actor, String source, String action, String entity,
                         Long entityId, Long planId, String reason, String beforeJson, String afterJson) {
}
