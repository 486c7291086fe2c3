package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Owner;

/** Owners: lookups by every id a person is known by, their own settings, and the admin's writes and erase. */
@RegisterConstructorMapper(Owner.class)
interface OwnerDao {
    String FORMER_OWNER = "former owner";
    String COLUMNS = """
            id, name, email, aad_object_id, teams_user_id, is_admin AS admin, created_at, locale, substitute_id,
            leave_until, snooze_until""";

    @SqlQuery("SELECT " + COLUMNS + " FROM owners ORDER BY id")
    List<Owner> all();

    String BY_ID = "SELECT " + COLUMNS + " FROM owners WHERE id = :id";

    @SqlQuery(BY_ID)
    Optional<Owner> byId(long id);

    String BY_AAD_OBJECT_ID = "SELECT " + COLUMNS + " FROM owners WHERE aad_object_id = :aadObjectId";
    String BY_TEAMS_USER_ID = "SELECT " + COLUMNS + " FROM owners WHERE teams_user_id = :teamsUserId";
    String PRINCIPALS_OF = "SELECT " + COLUMNS + " FROM owners WHERE substitute_id = :substituteId ORDER BY id";
    String SET_CLIENT_LOCALE = """
            UPDATE owners SET client_locale = :locale
            WHERE id = :id AND erased_at IS NULL AND (client_locale IS NULL OR client_locale <> :locale)""";

    @SqlQuery(BY_AAD_OBJECT_ID)
    Optional<Owner> byAadObjectId(String aadObjectId);

    @SqlQuery("SELECT " + COLUMNS + " FROM owners WHERE email = LOWER(:email)")
    Optional<Owner> byEmail(String email);

    @SqlQuery(BY_TEAMS_USER_ID)
    Optional<Owner> byTeamsUserId(String teamsUserId);

    @SqlUpdate("""
            INSERT INTO owners (name, email, aad_object_id, is_admin, created_at)
            VALUES (:name, LOWER(:email), :aadObjectId, :admin, :createdAt)""")
    @GetGeneratedKeys("id")
    long insert(String name, String email, String aadObjectId, boolean admin, Instant createdAt);

    /** Records the Teams identity an owner was recognised by; an id already known is kept. */
    @SqlUpdate("""
            UPDATE owners SET teams_user_id = :teamsUserId,
                              aad_object_id = COALESCE(aad_object_id, :aadObjectId)
            WHERE id = :id""")
    int link(long id, String teamsUserId, String aadObjectId);

    @SqlUpdate("UPDATE owners SET teams_user_id = NULL WHERE teams_user_id = :teamsUserId AND id <> :keepId")
    int unlinkTeamsUserElsewhere(String teamsUserId, long keepId);

    @SqlQuery(PRINCIPALS_OF)
    List<Owner> principalsOf(long substituteId);

    @SqlUpdate("UPDATE owners SET name_from_email = TRUE WHERE id = :id")
    void markNameFromEmail(long id);

    /** Replaces a name made from the e-mail address with the real one; 0 when the name was real already. */
    @SqlUpdate("""
            UPDATE owners SET name = :name, name_from_email = FALSE, version = version + 1
            WHERE id = :id AND name_from_email = TRUE AND erased_at IS NULL""")
    int replaceNameFromEmail(long id, String name);

    @SqlUpdate(SET_CLIENT_LOCALE)
    int setClientLocale(long id, String locale);

    @SqlQuery("SELECT COALESCE(locale, client_locale, '') FROM owners WHERE id = :id")
    Optional<String> proactiveLocale(long id);

    @SqlUpdate("UPDATE owners SET locale = :locale WHERE id = :id")
    int setLocale(long id, String locale);

    @SqlUpdate("UPDATE owners SET substitute_id = :substituteId WHERE id = :id")
    int setSubstitute(long id, Long substituteId);

    @SqlUpdate("UPDATE owners SET snooze_until = :until WHERE id = :id")
    int setSnooze(long id, LocalDate until);

    @SqlUpdate("UPDATE owners SET leave_until = :until WHERE id = :id")
    int setLeave(long id, LocalDate until);

    @SqlQuery("SELECT version FROM owners WHERE id = :id")
    int version(long id);

    @SqlQuery("SELECT COUNT(*) > 0 FROM owners WHERE id = :id AND erased_at IS NULL")
    boolean active(long id);

    // A name an admin sets is real: it is no longer the one made from the e-mail address.
    @SqlUpdate("""
            UPDATE owners SET name = :name, email = LOWER(:email), aad_object_id = :aadObjectId, is_admin = :admin,
                              leave_until = :leaveUntil, substitute_id = :substituteId, version = version + 1,
                              name_from_email = (name_from_email AND name = :name)
            WHERE id = :id""")
    int update(long id, String name, String email, String aadObjectId, boolean admin, LocalDate leaveUntil,
               Long substituteId);

    /** Removes an owner's personal data; the row stays so reports and history keep pointing at it. */
    @SqlUpdate("""
            UPDATE owners SET name = 'former owner', email = :placeholderEmail, aad_object_id = NULL,
                              teams_user_id = NULL, is_admin = FALSE, locale = NULL, client_locale = NULL, substitute_id = NULL,
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
