package se.planpuls.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PlanRevision;
import se.planpuls.domain.VersionConflictException;

/** The revisions of a plan that boards adopted; replaced as a whole, audited. */
public final class RevisionService {
    public static final int MAX_REVISIONS = 100;

    private final Jdbi jdbi;
    private final Clock clock;

    public RevisionService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** A plan's adopted revisions with the version of the list, the ETag a write names in If-Match. */
    public record Revisions(List<PlanRevision> revisions, int version) {
    }

    public Revisions revisions(long planId) {
        return jdbi.inTransaction(handle -> {
            handle.attach(PlanDao.class).plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            RevisionDao dao = handle.attach(RevisionDao.class);
            return new Revisions(dao.revisions(planId), dao.version(planId));
        });
    }

    /**
     * Replaces the plan's revisions with {@code wanted}, each checked and named by its place in the
     * list. {@code expectedVersion} (null: any) must be the list's version, else nothing is written.
     */
    public Revisions replace(long planId, List<PlanRevision> wanted, Integer expectedVersion, Actor actor) {
        if (wanted.size() > MAX_REVISIONS) {
            throw new se.planpuls.domain.InvalidInputException("revisions", "revisions.tooMany",
                    "at most " + MAX_REVISIONS + " revisions");
        }
        List<PlanRevision> checked = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i) == null) {
                throw new se.planpuls.domain.InvalidInputException("revisions[" + i + "]", "revision.missing",
                        "revisions[" + i + "] must be an object");
            }
            checked.add(wanted.get(i).checked("revisions[" + i + "]."));
        }
        return jdbi.inTransaction(handle -> {
            handle.attach(PlanDao.class).plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            RevisionDao dao = handle.attach(RevisionDao.class);
            int current = dao.version(planId);
            // The conditional bump both checks the version and keeps a concurrent write from passing too.
            if ((expectedVersion != null && expectedVersion != current) || dao.bump(planId, current) == 0) {
                throw new VersionConflictException("plan_revisions", planId, current);
            }
            List<PlanRevision> before = dao.revisions(planId);
            dao.deleteAll(planId);
            checked.forEach(r -> dao.insert(planId, r.adoptedOn(), r.board(), r.note()));
            List<PlanRevision> after = dao.revisions(planId);
            AuditLog.record(handle, clock, actor, "update-revisions", "plan", planId, planId, null, before, after);
            return new Revisions(after, current + 1);
        });
    }
}
