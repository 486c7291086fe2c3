package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Owner;
import se.planpuls.domain.reminder.ReminderKind;
import se.planpuls.domain.reminder.ReminderRecord;

@RegisterConstructorMapper(ReminderRecord.class)
@RegisterConstructorMapper(Owner.class)
@RegisterConstructorMapper(ReminderDao.AreaLead.class)
interface ReminderDao {
    String COLUMNS = """
            r.id, r.milestone_id, m.code AS milestone_code, r.kind, r.due_date, r.step, r.recipient_owner_id,
            r.planned_for, r.status, r.attempts, r.http_status, r.last_error, r.next_attempt_at, r.created_at,
            r.sent_at, r.member_id""";
    String FROM = " FROM reminders r JOIN milestones m ON m.id = r.milestone_id ";

    /** Locks the row of a natural key, when there is one, until the transaction ends. */
    @SqlQuery("SELECT " + COLUMNS + FROM + """
            WHERE r.milestone_id = :milestoneId AND r.kind = :kind AND r.due_date = :dueDate AND r.step = :step
              AND r.member_id = :memberId
            FOR UPDATE""")
    Optional<ReminderRecord> lockByKey(long milestoneId, ReminderKind kind, LocalDate dueDate, int step, long memberId);

    @SqlUpdate("""
            INSERT INTO reminders (milestone_id, kind, due_date, step, recipient_owner_id, planned_for, status,
                                   attempts, created_at, updated_at, member_id)
            VALUES (:milestoneId, :kind, :dueDate, :step, :recipientOwnerId, :plannedFor, 'FAILED', 0, :now, :now,
                    :memberId)""")
    void insert(long milestoneId, ReminderKind kind, LocalDate dueDate, int step, Long recipientOwnerId,
                LocalDate plannedFor, Instant now, long memberId);

    @SqlUpdate("""
            UPDATE reminders SET status = :status, attempts = attempts + :attempted, http_status = :httpStatus,
                   last_error = :error, next_attempt_at = :nextAttemptAt, updated_at = :now,
                   sent_at = CASE WHEN :status = 'FAILED' THEN sent_at ELSE :now END
            WHERE milestone_id = :milestoneId AND kind = :kind AND due_date = :dueDate AND step = :step
              AND member_id = :memberId""")
    int record(long milestoneId, ReminderKind kind, LocalDate dueDate, int step, long memberId, String status,
               int attempted, Integer httpStatus, String error, Instant nextAttemptAt, Instant now);

    @SqlQuery("SELECT " + COLUMNS + FROM + """
            WHERE (CAST(:status AS VARCHAR) IS NULL OR r.status = :status)
              AND (CAST(:ownerId AS BIGINT) IS NULL OR r.recipient_owner_id = :ownerId)
            ORDER BY r.id DESC LIMIT :limit""")
    List<ReminderRecord> list(String status, Long ownerId, int limit);

    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE m.plan_id = :planId AND r.status IN ('SENT', 'NOTED')")
    List<ReminderRecord> doneOfPlan(long planId);

    @SqlQuery("SELECT a.id AS area_id, a.lead_owner_id FROM areas a WHERE a.plan_id = :planId")
    List<AreaLead> areaLeads(long planId);

    /**
     * Milestones escalated and not reported on since: whether the lead was told, had nobody to tell,
     * or could not be reached yet, the report is missing.
     */
    @SqlQuery("""
            SELECT DISTINCT r.milestone_id FROM reminders r
            WHERE r.kind = 'ESCALATION'
              AND NOT EXISTS (SELECT 1 FROM status_reports s
                              WHERE s.milestone_id = r.milestone_id AND s.reported_at > r.created_at)
            ORDER BY r.milestone_id""")
    List<Long> reportMissing();

    @SqlQuery("SELECT " + OwnerDao.COLUMNS + """
             FROM owners o
            WHERE NOT EXISTS (SELECT 1 FROM conversation_refs c WHERE c.owner_id = o.id AND c.kind = 'personal')
            ORDER BY o.id""")
    List<Owner> unreachableOwners();

    String POLICY_JSON = "SELECT policy_json FROM reminder_policies WHERE plan_id = :planId";

    @SqlQuery(POLICY_JSON)
    Optional<String> policyJson(long planId);

    /** Takes or renews the sending turn: free, expired, or already this holder's. */
    @SqlUpdate("""
            UPDATE sending_turn SET holder = :holder, expires_at = :until
            WHERE name = 'reminders' AND (holder IS NULL OR holder = :holder OR expires_at < :nowMillis)""")
    int takeTurn(String holder, long nowMillis, long until);

    @SqlUpdate("UPDATE sending_turn SET holder = NULL, expires_at = 0 WHERE name = 'reminders' AND holder = :holder")
    int giveBackTurn(String holder);

    @SqlUpdate("UPDATE reminder_policies SET policy_json = :json, updated_at = :now WHERE plan_id = :planId")
    int updatePolicy(long planId, String json, Instant now);

    @SqlUpdate("INSERT INTO reminder_policies (plan_id, policy_json, updated_at) VALUES (:planId, :json, :now)")
    void insertPolicy(long planId, String json, Instant now);

    @SqlQuery("SELECT id FROM plans ORDER BY id")
    List<Long> planIds();

    record AreaLead(long areaId, Long leadOwnerId) {
    }
}
