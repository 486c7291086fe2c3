package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.AuditEntry;

/** Reads the audit log. */
public final class AuditService {
    public static final int MAX_PAGE = 1000;
    private final Jdbi jdbi;

    public AuditService(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A page of entries, oldest first; each filter is skipped when null. */
    public Page find(String entity, Long entityId, Long planId, Instant since, int limit, int offset) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return jdbi.withExtension(AuditDao.class, dao -> new Page(
                dao.find(entity, entityId, planId, since, size, Math.max(0, offset)),
                dao.count(entity, entityId, planId, since)));
    }

    /** Every entry of a plan, oldest first: the full history to file with the board's records. */
    public List<AuditEntry> ofPlan(long planId) {
        return jdbi.withExtension(AuditDao.class, dao -> dao.find(null, null, planId, null, Integer.MAX_VALUE, 0));
    }

    public record Page(List<AuditEntry> entries, long total) {
    }
}
