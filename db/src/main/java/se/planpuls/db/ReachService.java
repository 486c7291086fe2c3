package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.Owner;
import se.planpuls.domain.reach.InstalledTeam;
import se.planpuls.domain.reach.RosterMatch;
import se.planpuls.domain.reach.TeamsAccount;
import se.planpuls.domain.reach.WelcomeAttempt;
import se.planpuls.domain.reach.WelcomeOutcome;

/**
 * Reaching owners through the teams the app is installed in: the teams, which owners their rosters
 * hold (matched by Entra object id, then e-mail, then UPN), and the one welcome per owner.
 * {@link #welcomeOnce} holds the owner's welcome row while the bot opens the chat and writes, and
 * records the outcome in the same transaction, so a second run, a restart or a second instance never
 * welcomes an owner twice. Only what is needed to match is kept about people: accounts of owners and
 * of people who wrote to the bot, never a whole roster.
 */
public final class ReachService {
    /** A welcome that failed this many times is not tried again. */
    public static final int MAX_WELCOME_ATTEMPTS = 5;
    static final String NO_TEAM = "not in any team with Planpuls";
    static final String NO_ACCOUNT = "no Teams account matched";

    private final Jdbi jdbi;
    private final Clock clock;

    public ReachService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Records that the app is in a team (installed, or spoken to there); true when the team is new
     * or came back after the app was removed, i.e. when its roster is worth reading now.
     */
    public boolean teamSeen(String teamId, String name, String serviceUrl, String tenantId, String botId) {
        if (teamId == null || teamId.isBlank() || serviceUrl == null || serviceUrl.isBlank()) {
            return false;
        }
        String id = clip(teamId.strip(), 500);
        return jdbi.inTransaction(handle -> {
            ReachDao dao = handle.attach(ReachDao.class);
            boolean active = dao.activeTeam(id).isPresent();
            Instant now = clock.instant();
            String shortName = name == null ? null : clip(name.replaceAll("\\p{Cntrl}", " ").strip(), 300);
            Upsert.updateOrInsert(handle,
                    () -> dao.updateTeam(id, shortName, clip(serviceUrl, 500), clip(tenantId, 64), clip(botId, 200), now),
                    () -> dao.insertTeam(id, shortName, clip(serviceUrl, 500), clip(tenantId, 64), clip(botId, 200), now));
            return !active;
        });
    }

    /** The app was removed from a team: its roster is no longer read and its members no longer count. */
    public void teamRemoved(String teamId) {
        if (teamId == null || teamId.isBlank()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            ReachDao dao = handle.attach(ReachDao.class);
            dao.removeTeam(teamId.strip(), clock.instant());
            dao.forgetMembers(teamId.strip());
        });
    }

    public List<InstalledTeam> teams() {
        return jdbi.withExtension(ReachDao.class, ReachDao::activeTeams);
    }

    public Optional<InstalledTeam> team(String teamId) {
        return jdbi.withExtension(ReachDao.class, dao -> dao.activeTeam(teamId));
    }

    /**
     * Records a team's roster as read just now: which of its members are owners (their accounts and
     * membership are kept, and an owner not yet linked to Teams is linked, with any chat they already
     * have), and what is known of each such owner's chat and welcome. Members who are no owner are
     * not kept.
     */
    public List<RosterMatch> recordRoster(String teamId, List<TeamsAccount> roster) {
        return jdbi.inTransaction(handle -> {
            ReachDao reach = handle.attach(ReachDao.class);
            OwnerDao owners = handle.attach(OwnerDao.class);
            ConversationDao conversations = handle.attach(ConversationDao.class);
            Instant now = clock.instant();
            Map<String, Owner> byAad = new HashMap<>();
            Map<String, Owner> byEmail = new HashMap<>();
            for (Owner owner : owners.all()) {
                if (!owners.active(owner.id())) {
                    continue;
                }
                if (owner.aadObjectId() != null) {
                    byAad.put(owner.aadObjectId().toLowerCase(Locale.ROOT), owner);
                }
                byEmail.put(owner.email().toLowerCase(Locale.ROOT), owner);
            }
            reach.forgetMembers(teamId);
            Map<Long, TeamsAccount> matched = new LinkedHashMap<>();
            for (TeamsAccount member : roster) {
                if (member.teamsUserId() == null || member.teamsUserId().isBlank()) {
                    continue;
                }
                TeamsAccount account = normalised(member);
                Optional<Owner> owner = match(account, byAad, byEmail);
                if (owner.isEmpty() || matched.containsKey(owner.get().id())) {
                    continue;
                }
                accountSeen(handle, account, now);
                reach.insertMember(teamId, account.teamsUserId(), now);
                link(handle, owner.get(), account);
                matched.put(owner.get().id(), account);
            }
            reach.rosterRead(teamId, now);
            Map<Long, ReachDao.WelcomeRow> welcomes = new HashMap<>();
            reach.welcomes().forEach(w -> welcomes.put(w.ownerId(), w));
            List<RosterMatch> result = new ArrayList<>();
            matched.forEach((ownerId, account) -> {
                Owner owner = owners.byId(ownerId).orElseThrow();
                var welcome = welcomes.get(ownerId);
                result.add(new RosterMatch(owner, account, !conversations.personalOf(ownerId).isEmpty(),
                        welcome != null && welcome.sent(),
                        welcome == null || welcome.sent() ? null : welcome.conversationId()));
            });
            return result;
        });
    }

    private static Optional<Owner> match(TeamsAccount account, Map<String, Owner> byAad, Map<String, Owner> byEmail) {
        if (account.aadObjectId() != null && byAad.containsKey(account.aadObjectId())) {
            return Optional.of(byAad.get(account.aadObjectId()));
        }
        for (String address : new String[] {account.email(), account.userPrincipalName()}) {
            if (address != null && byEmail.containsKey(address)) {
                return Optional.of(byEmail.get(address));
            }
        }
        return Optional.empty();
    }

    /**
     * Welcomes an owner once. Holds the owner's welcome row (inserting it when new) while
     * {@code welcome} opens the chat and writes, and records the outcome and the chat in the same
     * transaction. {@code welcome} gets the chat a failed welcome had already opened, or null.
     * Skips an owner already welcomed, one whose welcome failed {@value #MAX_WELCOME_ATTEMPTS} times,
     * one who meanwhile has a chat of their own with the bot, and one another run or instance holds.
     */
    public WelcomeOutcome welcomeOnce(long ownerId, String teamId, Function<String, WelcomeAttempt> welcome) {
        try {
            return jdbi.inTransaction(handle -> {
                ReachDao reach = handle.attach(ReachDao.class);
                ConversationDao conversations = handle.attach(ConversationDao.class);
                Instant now = clock.instant();
                var row = reach.lockWelcome(ownerId);
                if (row.isPresent() && (row.get().sent() || row.get().attempts() >= MAX_WELCOME_ATTEMPTS)) {
                    return WelcomeOutcome.SKIPPED;
                }
                String opened = row.map(ReachDao.WelcomeRow::conversationId).orElse(null);
                boolean ownChat = conversations.personalOf(ownerId).stream()
                        .anyMatch(chat -> !chat.conversationId().equals(opened));
                if (ownChat) {
                    return WelcomeOutcome.SKIPPED;
                }
                if (row.isEmpty()) {
                    reach.insertWelcome(ownerId, teamId, now);
                }
                WelcomeAttempt attempt = welcome.apply(opened);
                Instant after = clock.instant();
                if (attempt.chat() != null) {
                    ConversationRef chat = attempt.chat();
                    ConversationService.record(handle, chat, ownerId, after);
                    Owner owner = handle.attach(OwnerDao.class).byId(ownerId).orElseThrow();
                    if (chat.teamsUserId() != null) {
                        link(handle, owner, new TeamsAccount(chat.teamsUserId(), chat.aadObjectId(), null, null, null));
                    }
                }
                String conversationId = attempt.chat() == null ? null : attempt.chat().conversationId();
                reach.recordWelcome(ownerId, teamId, attempt.succeeded() ? "SENT" : "FAILED", conversationId,
                        attempt.succeeded() ? null : clip(attempt.error(), 500), after);
                return attempt.succeeded() ? WelcomeOutcome.SENT : WelcomeOutcome.FAILED;
            });
        } catch (RuntimeException e) {
            if (Conflicts.heldElsewhere(e)) {
                return WelcomeOutcome.SKIPPED;
            }
            throw e;
        }
    }

    /**
     * Why each owner without a personal chat cannot be reached, by owner id: not in any team with
     * Planpuls, no Teams account matched, or what happened when the bot tried.
     */
    public Map<Long, String> unreachableReasons() {
        return jdbi.inTransaction(handle -> {
            ReachDao reach = handle.attach(ReachDao.class);
            boolean anyTeam = !reach.activeTeams().isEmpty();
            Map<Long, ReachDao.WelcomeRow> welcomes = new HashMap<>();
            reach.welcomes().forEach(w -> welcomes.put(w.ownerId(), w));
            Map<Long, String> reasons = new LinkedHashMap<>();
            for (Owner owner : handle.attach(ReminderDao.class).unreachableOwners()) {
                reasons.put(owner.id(), reason(reach, owner, anyTeam, welcomes.get(owner.id())));
            }
            return reasons;
        });
    }

    private static String reason(ReachDao reach, Owner owner, boolean anyTeam, ReachDao.WelcomeRow welcome) {
        if (welcome != null && !welcome.sent() && welcome.lastError() != null) {
            return "the bot could not open a chat: " + welcome.lastError()
                    + (welcome.attempts() >= MAX_WELCOME_ATTEMPTS ? " (given up after " + welcome.attempts() + " tries)" : "");
        }
        if (!anyTeam) {
            return NO_TEAM;
        }
        List<TeamsAccount> accounts = new ArrayList<>(accountsOf(reach, owner));
        if (owner.teamsUserId() != null && accounts.stream().noneMatch(a -> a.teamsUserId().equals(owner.teamsUserId()))) {
            reach.account(owner.teamsUserId()).ifPresent(accounts::add);
        }
        if (accounts.isEmpty()) {
            return NO_ACCOUNT;
        }
        if (accounts.stream().anyMatch(a -> reach.inActiveTeam(a.teamsUserId()))) {
            return owner.leaveUntil() != null
                    ? "in a team with Planpuls; on leave until " + owner.leaveUntil() + ", reached after that"
                    : "in a team with Planpuls; reached on the next reach-owners run";
        }
        return NO_TEAM;
    }

    private static List<TeamsAccount> accountsOf(ReachDao reach, Owner owner) {
        String aad = owner.aadObjectId() == null ? "" : owner.aadObjectId().toLowerCase(Locale.ROOT);
        return reach.accountsOf(aad, owner.email().toLowerCase(Locale.ROOT));
    }

    /**
     * Links a new or changed owner, in the caller's transaction, to the Teams account and personal
     * chat of someone who wrote to the bot (or was met in a roster) before they were an owner.
     */
    static void linkKnownAccount(Handle handle, Owner owner) {
        if (owner.teamsUserId() != null) {
            return;
        }
        for (TeamsAccount account : accountsOf(handle.attach(ReachDao.class), owner)) {
            if (link(handle, owner, account)) {
                return;
            }
        }
    }

    /**
     * Links an owner not yet linked to Teams to an account no other owner holds, and hands them the
     * personal chats of that account; true when linked.
     */
    private static boolean link(Handle handle, Owner owner, TeamsAccount account) {
        OwnerDao owners = handle.attach(OwnerDao.class);
        Owner current = owners.byId(owner.id()).orElseThrow();
        if (current.teamsUserId() != null || owners.byTeamsUserId(account.teamsUserId()).isPresent()) {
            return false;
        }
        String aad = account.aadObjectId();
        if (aad != null && owners.byAadObjectId(aad).filter(o -> o.id() != owner.id()).isPresent()) {
            aad = null;
        }
        owners.link(owner.id(), account.teamsUserId(), aad);
        handle.attach(ConversationDao.class).linkOwner(account.teamsUserId(), owner.id());
        return true;
    }

    /** Keeps what Teams said about a person, in the caller's transaction; an unsaid field keeps its value. */
    static void accountSeen(Handle handle, TeamsAccount seen, Instant now) {
        if (seen.teamsUserId() == null || seen.teamsUserId().isBlank() || seen.teamsUserId().length() > 200) {
            return;
        }
        TeamsAccount account = normalised(seen);
        ReachDao dao = handle.attach(ReachDao.class);
        Upsert.updateOrInsert(handle,
                () -> dao.updateAccount(account.teamsUserId(), account.aadObjectId(), account.email(),
                        account.userPrincipalName(), now),
                () -> dao.insertAccount(account.teamsUserId(), account.aadObjectId(), account.email(),
                        account.userPrincipalName(), now));
    }

    /** Forgets the Teams accounts of an erased owner. */
    static void forgetAccounts(Handle handle, Owner owner) {
        ReachDao dao = handle.attach(ReachDao.class);
        if (owner.teamsUserId() != null) {
            dao.forgetAccount(owner.teamsUserId());
        }
        accountsOf(dao, owner).forEach(account -> dao.forgetAccount(account.teamsUserId()));
    }

    private static TeamsAccount normalised(TeamsAccount account) {
        return new TeamsAccount(account.teamsUserId().strip(), address(account.aadObjectId(), 64),
                address(account.email(), 320), address(account.userPrincipalName(), 320), account.name());
    }

    /** Lower case, trimmed, null when blank or too long to be real. */
    private static String address(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip().toLowerCase(Locale.ROOT);
        return stripped.length() > max ? null : stripped;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
