package se.planpuls.db;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.PlanRevision;

/** The revisions boards adopted of a plan. */
@RegisterConstructorMapper(PlanRevision.class)
interface RevisionDao {

    @SqlQuery("SELECT adopted_on, board, note FROM plan_revisions WHERE plan_id = :planId ORDER BY adopted_on, id")
    List<PlanRevision> revisions(long planId);

    /** The version of the plan's list of revisions: its ETag. */
    @SqlQuery("SELECT revisions_version FROM plans WHERE id = :planId")
    int version(long planId);

    /** Moves the version on by one if it is still {@code version}; 0 rows when another write came first. */
    @SqlUpdate("UPDATE plans SET revisions_version = revisions_version + 1 WHERE id = :planId AND revisions_version = :version")
    int bump(long planId, int version);

    @SqlUpdate("DELETE FROM plan_revisions WHERE plan_id = :planId")
    void deleteAll(long planId);

    @SqlUpdate("INSERT INTO plan_revisions (plan_id, adopted_on, board, note) VALUES (:planId, :adoptedOn, :board, :note)")
    void insert(long planId, LocalDate adoptedOn, String board, String note);
}
