package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Owner;

@RegisterConstructorMapper(Owner.class)
public interface OwnerDao {
    String COLUMNS = """
            id, name, email, aad_object_id, teams_user_id, is_admin AS admin, created_at, locale, substitute_id,
            leave_until, snooze_until""";

    @SqlQuery("SELECT " + COLUMNS + " FROM owners ORDER BY id")
    List<Owner> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM owners WHERE id = :id")
    Optional<Owner> byId(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM owners WHERE aad_object_id = :aadObjectId")
    Optional<Owner> byAadObjectId(String aadObjectId);

    @SqlQuery("SELECT " + COLUMNS + " FROM owners WHERE email = LOWER(:email)")
    Optional<Owner> byEmail(String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM owners WHERE teams_user_id = :teamsUserId")
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

    @SqlQuery("SELECT " + COLUMNS + " FROM owners WHERE substitute_id = :substituteId ORDER BY id")
    List<Owner> principalsOf(long substituteId);

    @SqlUpdate("UPDATE owners SET locale = :locale WHERE id = :id")
    int setLocale(long id, String locale);

    @SqlUpdate("UPDATE owners SET substitute_id = :substituteId WHERE id = :id")
    int setSubstitute(long id, Long substituteId);

    @SqlUpdate("UPDATE owners SET snooze_until = :until WHERE id = :id")
    int setSnooze(long id, java.time.LocalDate until);

    @SqlUpdate("UPDATE owners SET leave_until = :until WHERE id = :id")
    int setLeave(long id, java.time.LocalDate until);
}
