package se.planpuls.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import se.planpuls.domain.AuditEntry;

/** An audit entry on the wire: the entity before and after as JSON trees, not as strings. */
record AuditJson(long id, Instant at, String actor, String source, String action, String entity, Long entityId,
                 Long planId, String reason, JsonNode before, JsonNode after) {
    private static final ObjectMapper READER = new ObjectMapper();

    static AuditJson of(AuditEntry e) {
        return new AuditJson(e.id(), e.at(), e.actor(), e.source(), e.action(), e.entity(), e.entityId(),
                e.planId(), e.reason(), tree(e.beforeJson()), tree(e.afterJson()));
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return READER.readTree(json);
        } catch (java.io.IOException e) {
            return READER.getNodeFactory().textNode(json);
        }
    }
}
