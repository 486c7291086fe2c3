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

    @SqlUpdate("DELETE FROM plan_revisions WHERE plan_id = :planId")
    void deleteAll(long planId);

    @SqlUpdate("INSERT INTO plan_revisions (plan_id, adopted_on, board, note) VALUES (:planId, :adoptedOn, :board, :note)")
    void insert(long planId, LocalDate adoptedOn, String board, String note);
}
