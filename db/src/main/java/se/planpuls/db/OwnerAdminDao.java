package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The admin's writes to owners beyond creation, and the version used as their ETag. */
public interface OwnerAdminDao {
    String FORMER_OWNER = "former owner";

    @SqlQuery("SELECT version FROM owners WHERE id = :id")
    int version(long id);

    @SqlQuery("SELECT COUNT(*) > 0 FROM owners WHERE id = :id AND erased_at IS NULL")
    boolean active(long id);

    @SqlUpdate("""
            UPDATE owners SET name = :name, email = LOWER(:email), aad_object_id = :aadObjectId, is_admin = :admin,
                              leave_until = :leaveUntil, substitute_id = :substituteId, version = version + 1
            WHERE id = :id""")
    int update(long id, String name, String email, String aadObjectId, boolean admin, LocalDate leaveUntil,
               Long substituteId);

    /** Removes an owner's personal data; the row stays so reports and history keep pointing at it. */
    @SqlUpdate("""
            UPDATE owners SET name = 'former owner', email = :placeholderEmail, aad_object_id = NULL,
                              teams_user_id = NULL, is_admin = FALSE, locale = NULL, substitute_id = NULL,
                              leave_until = NULL, snooze_until = NULL, erased_at = :at, version = version + 1
            WHERE id = :id""")
    int erase(long id, String placeholderEmail, Instant at);

    @SqlUpdate("UPDATE owners SET substitute_id = NULL, version = version + 1 WHERE substitute_id = :id")
    int dropAsSubstitute(long id);

    @SqlUpdate("UPDATE status_reports SET reporter_name = '" + FORMER_OWNER + "' WHERE reporter_owner_id = :id")
    int anonymiseReports(long id);

    @SqlUpdate("UPDATE milestones SET owner_id = NULL, version = version + 1 WHERE owner_id = :id")
    int unassign(long id);

    @SqlUpdate("UPDATE conversation_refs SET owner_id = NULL WHERE owner_id = :id")
    int unlinkConversations(long id);

    @SqlUpdate("DELETE FROM conversation_refs WHERE owner_id = :id AND kind = 'personal'")
    int forgetPersonalConversations(long id);
}
