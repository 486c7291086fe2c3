package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.reach.InstalledTeam;
import se.planpuls.domain.reach.TeamsAccount;

/** Installed teams, the Teams accounts matched to owners, team membership, and the owners' welcomes. */
@RegisterConstructorMapper(InstalledTeam.class)
@RegisterConstructorMapper(TeamsAccount.class)
@RegisterConstructorMapper(ReachDao.WelcomeRow.class)
interface ReachDao {
    String TEAM = "team_id, name, service_url, tenant_id, bot_id, installed_at, roster_read_at";
    String ACCOUNT = "teams_user_id, aad_object_id, email, user_principal_name, CAST(NULL AS VARCHAR(200)) AS name";
    String WELCOME = "owner_id, team_id, conversation_id, status, attempts, last_error";

    @SqlQuery("SELECT " + TEAM + " FROM teams_installed WHERE removed_at IS NULL ORDER BY installed_at, team_id")
    List<InstalledTeam> activeTeams();

    @SqlQuery("SELECT " + TEAM + " FROM teams_installed WHERE team_id = :teamId AND removed_at IS NULL")
    Optional<InstalledTeam> activeTeam(String teamId);

    @SqlUpdate("""
            INSERT INTO teams_installed (team_id, name, service_url, tenant_id, bot_id, installed_at, updated_at)
            VALUES (:teamId, :name, :serviceUrl, :tenantId, :botId, :now, :now)""")
    void insertTeam(String teamId, String name, String serviceUrl, String tenantId, String botId, Instant now);

    /** Refreshes what Teams said about a team; a value not given keeps the stored one. */
    @SqlUpdate("""
            UPDATE teams_installed SET name = COALESCE(:name, name), service_url = :serviceUrl,
                   tenant_id = COALESCE(:tenantId, tenant_id), bot_id = COALESCE(:botId, bot_id),
                   updated_at = :now, removed_at = NULL
            WHERE team_id = :teamId""")
    int updateTeam(String teamId, String name, String serviceUrl, String tenantId, String botId, Instant now);

    @SqlUpdate("UPDATE teams_installed SET removed_at = :now, updated_at = :now WHERE team_id = :teamId AND removed_at IS NULL")
    int removeTeam(String teamId, Instant now);

    @SqlUpdate("UPDATE teams_installed SET roster_read_at = :now WHERE team_id = :teamId")
    int rosterRead(String teamId, Instant now);

    @SqlUpdate("DELETE FROM team_members WHERE team_id = :teamId")
    int forgetMembers(String teamId);

    @SqlUpdate("INSERT INTO team_members (team_id, teams_user_id, seen_at) VALUES (:teamId, :teamsUserId, :now)")
    void insertMember(String teamId, String teamsUserId, Instant now);

    @SqlQuery("SELECT " + ACCOUNT + " FROM teams_accounts WHERE teams_user_id = :teamsUserId")
    Optional<TeamsAccount> account(String teamsUserId);

    @SqlUpdate("""
            UPDATE teams_accounts SET aad_object_id = COALESCE(:aadObjectId, aad_object_id),
                   email = COALESCE(:email, email), user_principal_name = COALESCE(:upn, user_principal_name),
                   updated_at = :now
            WHERE teams_user_id = :teamsUserId""")
    int updateAccount(String teamsUserId, String aadObjectId, String email, String upn, Instant now);

    @SqlUpdate("""
            INSERT INTO teams_accounts (teams_user_id, aad_object_id, email, user_principal_name, updated_at)
            VALUES (:teamsUserId, :aadObjectId, :email, :upn, :now)""")
    void insertAccount(String teamsUserId, String aadObjectId, String email, String upn, Instant now);

    /** Accounts that may be this person: by Entra object id, or by an address as e-mail or UPN. */
    @SqlQuery("SELECT " + ACCOUNT + """
             FROM teams_accounts
            WHERE aad_object_id = :aadObjectId OR email = :address OR user_principal_name = :address
            ORDER BY updated_at DESC, teams_user_id""")
    List<TeamsAccount> accountsOf(String aadObjectId, String address);

    @SqlUpdate("DELETE FROM teams_accounts WHERE teams_user_id = :teamsUserId")
    int forgetAccount(String teamsUserId);

    /** Whether the account is a member of a team the app is still installed in. */
    @SqlQuery("""
            SELECT COUNT(*) > 0 FROM team_members m JOIN teams_installed t ON t.team_id = m.team_id
            WHERE m.teams_user_id = :teamsUserId AND t.removed_at IS NULL""")
    boolean inActiveTeam(String teamsUserId);

    @SqlQuery("SELECT " + WELCOME + " FROM owner_welcomes WHERE owner_id = :ownerId FOR UPDATE")
    Optional<WelcomeRow> lockWelcome(long ownerId);

    @SqlQuery("SELECT " + WELCOME + " FROM owner_welcomes ORDER BY owner_id")
    List<WelcomeRow> welcomes();

    @SqlUpdate("""
            INSERT INTO owner_welcomes (owner_id, team_id, status, attempts, created_at, updated_at)
            VALUES (:ownerId, :teamId, 'FAILED', 0, :now, :now)""")
    void insertWelcome(long ownerId, String teamId, Instant now);

    @SqlUpdate("""
            UPDATE owner_welcomes SET status = :status, attempts = attempts + 1,
                   conversation_id = COALESCE(:conversationId, conversation_id), team_id = :teamId,
                   last_error = :error, updated_at = :now
            WHERE owner_id = :ownerId""")
    int recordWelcome(long ownerId, String teamId, String status, String conversationId, String error, Instant now);

    record WelcomeRow(long ownerId, String teamId, String conversationId, String status, int attempts,
                      String lastError) {
        boolean sent() {
            return "SENT".equals(status);
        }
    }
}
