package se.planpuls.db;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.OwnerChange;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.rules.OwnerRules;

/**
 * Owners: created and changed by admins (each change checked in full against {@link OwnerRules},
 * guarded by the owner's version when the caller names one, and audited), recognised when they
 * reach the bot from Teams, and changing their own settings there. Erasing an owner removes the
 * personal data and keeps the history.
 */
public final class OwnerService {

    private final Jdbi jdbi;
    private final Clock clock;

    public OwnerService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public List<Owner> all() {
        return jdbi.withExtension(OwnerDao.class, OwnerDao::all);
    }

    public Owner byId(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("owner", id));
    }

    public Optional<Owner> find(long id) {
        return jdbi.withExtension(OwnerDao.class, dao -> dao.byId(id));
    }

    public Owner create(NewOwner input) {
        return create(input, Actor.SYSTEM);
    }

    /** Creates an owner and records who did it in the audit log. */
    public Owner create(NewOwner input, Actor actor) {
        String name = OwnerRules.name(input.name());
        String email = OwnerRules.email(input.email());
        String aad = OwnerRules.aadObjectId(input.aadObjectId());
        return jdbi.inTransaction(handle -> {
            OwnerDao dao = handle.attach(OwnerDao.class);
            if (dao.byEmail(email).isPresent()) {
                throw new InvalidInputException("email", "email.taken", "an owner with this email already exists");
            }
            if (aad != null && dao.byAadObjectId(aad).isPresent()) {
                throw new InvalidInputException("aadObjectId", "aad.taken",
                        "an owner with this aadObjectId already exists");
            }
            long id = dao.insert(name, email, aad, input.admin(), clock.instant());
            // Someone who already wrote to the bot is linked to their chat now, not at their next message.
            ReachService.linkKnownAccount(handle, dao.byId(id).orElseThrow());
            Owner created = dao.byId(id).orElseThrow();
            AuditLog.record(handle, clock, actor, "create", "owner", id, null, null, null, created);
            return created;
        });
    }

    /**
     * Finds the owner behind a Teams user: by Entra object id first, then by e-mail or UPN, and
     * remembers the Teams user id for next time. Empty when the user is no owner.
     */
    public Optional<Owner> recognise(TeamsIdentity identity) {
        return recognise(identity, null);
    }

    /**
     * As {@link #recognise(TeamsIdentity)}, and records the conversation the user spoke in (when not
     * null) in the same transaction: a personal chat as the recognised owner's.
     */
    public Optional<Owner> recognise(TeamsIdentity identity, ConversationRef spokenIn) {
        return recognise(identity, spokenIn, null);
    }

    /**
     * As {@link #recognise(TeamsIdentity, ConversationRef)}, and remembers {@code clientLocale} for the
     * recognised owner in the same transaction (see {@link #clientLocaleSeen(long, String)}).
     */
    public Optional<Owner> recognise(TeamsIdentity identity, ConversationRef spokenIn, String clientLocale) {
        return jdbi.inTransaction(handle -> {
            if (identity.teamsUserId() != null) {
                // Kept so that the sender is linked at once should they become an owner later.
                ReachService.accountSeen(handle, new se.planpuls.domain.reach.TeamsAccount(identity.teamsUserId(),
                        identity.aadObjectId(), identity.email(), identity.userPrincipalName(), null), clock.instant());
            }
            Optional<Owner> owner = recognise(handle, identity);
            owner.ifPresent(o -> clientLocaleSeen(handle, o.id(), clientLocale));
            if (spokenIn != null) {
                ConversationService.record(handle, spokenIn, personalOwner(spokenIn, owner), clock.instant());
            }
            return owner;
        });
    }

    private Optional<Owner> recognise(Handle handle, TeamsIdentity identity) {
        OwnerDao dao = handle.attach(OwnerDao.class);
        Optional<Owner> found = Optional.empty();
        if (identity.aadObjectId() != null) {
            found = dao.byAadObjectId(identity.aadObjectId().toLowerCase(Locale.ROOT));
        }
        for (String mail : new String[] {identity.email(), identity.userPrincipalName()}) {
            if (found.isEmpty() && mail != null && !mail.isBlank()) {
                found = dao.byEmail(mail.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Owner owner = found.get();
        realNameSeen(handle, clock, owner, identity.name());
        if (identity.teamsUserId() != null && !identity.teamsUserId().equals(owner.teamsUserId())) {
            dao.unlinkTeamsUserElsewhere(identity.teamsUserId(), owner.id());
            String aad = identity.aadObjectId() == null ? null : identity.aadObjectId().toLowerCase(Locale.ROOT);
            if (aad != null && dao.byAadObjectId(aad).filter(o -> o.id() != owner.id()).isPresent()) {
                aad = null;
            }
            dao.link(owner.id(), identity.teamsUserId(), aad);
            handle.attach(ConversationDao.class).linkOwner(identity.teamsUserId(), owner.id());
            AuditLog.record(handle, clock, new Actor(owner.name(), "bot"), "link", "owner",
                    owner.id(), null, null, owner, dao.byId(owner.id()).orElseThrow());
        }
        return dao.byId(owner.id());
    }

    /** The Teams user's cached link, without asking Teams for the member's profile. */
    public Optional<Owner> byTeamsUser(String teamsUserId, String aadObjectId) {
        return jdbi.withHandle(handle -> byTeamsUser(handle, teamsUserId, aadObjectId));
    }

    /**
     * As {@link #byTeamsUser(String, String)}, and when the user is known, records the conversation
     * they spoke in (when not null) in the same transaction: a personal chat as theirs. An unknown
     * user's conversation is left to {@link #recognise(TeamsIdentity, ConversationRef)}.
     */
    public Optional<Owner> byTeamsUser(String teamsUserId, String aadObjectId, ConversationRef spokenIn) {
        return byTeamsUser(teamsUserId, aadObjectId, spokenIn, null);
    }

    /**
     * As {@link #byTeamsUser(String, String, ConversationRef)}, and remembers {@code clientLocale} for
     * the known owner in the same transaction, so that a turn still costs one round trip here.
     */
    public Optional<Owner> byTeamsUser(String teamsUserId, String aadObjectId, ConversationRef spokenIn,
                                       String clientLocale) {
        return jdbi.inTransaction(handle -> {
            Optional<Owner> owner = byTeamsUser(handle, teamsUserId, aadObjectId);
            owner.ifPresent(o -> clientLocaleSeen(handle, o.id(), clientLocale));
            if (owner.isPresent() && spokenIn != null) {
                ConversationService.record(handle, spokenIn, personalOwner(spokenIn, owner), clock.instant());
            }
            return owner;
        });
    }

    private static Optional<Owner> byTeamsUser(Handle handle, String teamsUserId, String aadObjectId) {
        if (aadObjectId != null) {
            var byAad = TurnQueries.ownerByAadObjectId(handle, aadObjectId.toLowerCase(Locale.ROOT));
            if (byAad.isPresent() && teamsUserId != null && teamsUserId.equals(byAad.get().teamsUserId())) {
                return byAad;
            }
        }
        return teamsUserId == null ? Optional.empty() : TurnQueries.ownerByTeamsUserId(handle, teamsUserId);
    }

    /** A personal chat belongs to the owner who speaks in it; group chats and channels to nobody. */
    private static Long personalOwner(ConversationRef conversation, Optional<Owner> owner) {
        return conversation.kind() == ConversationKind.personal ? owner.map(Owner::id).orElse(null) : null;
    }

    /**
     * Gives an owner whose name was made from their e-mail address (a substitute named by e-mail)
     * the name Teams shows for them, in the caller's transaction; an owner with a real name, or a
     * name Teams gives that is not a valid one, is left as it is.
     */
    static void realNameSeen(Handle handle, Clock clock, Owner owner, String teamsName) {
        String name;
        try {
            name = OwnerRules.name(teamsName);
        } catch (InvalidInputException e) {
            return;
        }
        OwnerDao dao = handle.attach(OwnerDao.class);
        if (!name.equals(owner.name()) && dao.replaceNameFromEmail(owner.id(), name) == 1) {
            AuditLog.record(handle, clock, new Actor(name, "bot"), "update", "owner", owner.id(), null,
                    "name seen in Teams", owner, dao.byId(owner.id()).orElseThrow());
        }
    }

    /**
     * Who a Teams user is, as far as the activity and the Teams roster tell.
     *
     * @param name the display name Teams shows for the user, or null
     */
    public record TeamsIdentity(String teamsUserId, String aadObjectId, String email, String userPrincipalName,
                                String name) {
        public TeamsIdentity(String teamsUserId, String aadObjectId, String email, String userPrincipalName) {
            this(teamsUserId, aadObjectId, email, userPrincipalName, null);
        }
    }

    /** The owners who have named {@code substituteId} as their substitute. */
    public List<Owner> principalsOf(long substituteId) {
        return jdbi.withExtension(OwnerDao.class, dao -> dao.principalsOf(substituteId));
    }

    /**
     * Remembers the locale of the Teams client an owner just wrote from (such as {@code en-US}); a
     * missing or malformed one is ignored. Written only when it changed.
     */
    public void clientLocaleSeen(long ownerId, String locale) {
        jdbi.useHandle(handle -> clientLocaleSeen(handle, ownerId, locale));
    }

    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    private static void clientLocaleSeen(Handle handle, long ownerId, String locale) {
        if (locale != null && LANGUAGE_TAG.matcher(locale).matches()) {
            TurnQueries.setClientLocale(handle, ownerId, locale);
        }
    }

    /**
     * The language of the messages Planpuls starts itself (reminders, check-ins, the welcome): the
     * one the owner chose, else the locale of the Teams client they last wrote from; null when
     * neither is known (the caller then writes Swedish).
     */
    public String proactiveLocale(long ownerId) {
        return jdbi.withExtension(OwnerDao.class, dao -> dao.proactiveLocale(ownerId))
                .filter(l -> !l.isEmpty()).orElse(null);
    }

    /** Remembers the language an owner chose: {@code sv} or {@code en}. */
    public Owner setLocale(long ownerId, String locale) {
        if (!"sv".equals(locale) && !"en".equals(locale)) {
            throw new InvalidInputException("locale", "locale.unknown", "locale must be sv or en");
        }
        return changeOwn(ownerId, dao -> dao.setLocale(ownerId, locale));
    }

    /**
     * Names the owner's substitute by e-mail. A substitute who is not yet known is added as an owner
     * (without milestones) so the bot recognises them when they write.
     */
    public Owner nameSubstitute(long ownerId, String email) {
        String mail = OwnerRules.substituteEmail(email);
        return jdbi.inTransaction(handle -> {
            OwnerDao dao = handle.attach(OwnerDao.class);
            Owner owner = dao.byId(ownerId).orElseThrow(() -> new NotFoundException("owner", ownerId));
            if (owner.email().equals(mail)) {
                throw new InvalidInputException("email", "substitute.self", "an owner cannot be their own substitute");
            }
            Owner substitute = dao.byEmail(mail).orElseGet(() -> {
                Owner added = dao.byId(dao.insert(mail.substring(0, mail.indexOf('@')), mail, null, false,
                        clock.instant())).orElseThrow();
                dao.markNameFromEmail(added.id());
                ReachService.linkKnownAccount(handle, added);
                return dao.byId(added.id()).orElseThrow();
            });
            dao.setSubstitute(ownerId, substitute.id());
            AuditLog.record(handle, clock, new Actor(owner.name(), "bot"), "update", "owner",
                    ownerId, null, null, owner, dao.byId(ownerId).orElseThrow());
            return substitute;
        });
    }

    public Owner clearSubstitute(long ownerId) {
        return changeOwn(ownerId, dao -> dao.setSubstitute(ownerId, null));
    }

    /** Pauses check-ins until and including {@code until}; null resumes them. */
    public Owner snooze(long ownerId, LocalDate until) {
        return changeOwn(ownerId, dao -> dao.setSnooze(ownerId, until));
    }

    /** Pauses all prompts (leave) until and including {@code until}; null ends the leave. */
    public Owner leave(long ownerId, LocalDate until) {
        return changeOwn(ownerId, dao -> dao.setLeave(ownerId, until));
    }

    /** Changes an owner's own settings from the bot, audited as the owner's own change. */
    private Owner changeOwn(long ownerId, ToIntFunction<OwnerDao> change) {
        return jdbi.inTransaction(handle -> {
            OwnerDao dao = handle.attach(OwnerDao.class);
            Owner before = dao.byId(ownerId).orElseThrow(() -> new NotFoundException("owner", ownerId));
            change.applyAsInt(dao);
            Owner after = dao.byId(ownerId).orElseThrow();
            AuditLog.record(handle, clock, new Actor(before.name(), "bot"), "update", "owner",
                    ownerId, null, null, before, after);
            return after;
        });
    }

    /** Owners not erased, optionally filtered by a text in name or e-mail and by the admin flag. */
    public List<Owner> search(String query, Boolean admin) {
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        return jdbi.withHandle(handle -> {
            OwnerDao owners = handle.attach(OwnerDao.class);
            return owners.all().stream()
                    .filter(o -> owners.active(o.id()))
                    .filter(o -> q == null || o.name().toLowerCase(Locale.ROOT).contains(q) || o.email().contains(q))
                    .filter(o -> admin == null || o.admin() == admin)
                    .toList();
        });
    }

    /** The owner's version, the API's ETag. */
    public int version(long id) {
        return jdbi.withHandle(handle -> {
            OwnerDao owners = handle.attach(OwnerDao.class);
            owners.byId(id).orElseThrow(() -> new NotFoundException("owner", id));
            return owners.version(id);
        });
    }

    /** An admin's change; {@code expectedVersion} null skips the version check. */
    public Owner update(long id, OwnerChange change, Integer expectedVersion, Actor actor) {
        return jdbi.inTransaction(handle -> {
            OwnerDao owners = handle.attach(OwnerDao.class);
            Owner before = owners.byId(id).filter(o -> owners.active(o.id()))
                    .orElseThrow(() -> new NotFoundException("owner", id));
            int version = owners.version(id);
            if (expectedVersion != null && expectedVersion != version) {
                throw new VersionConflictException("owner", id, version);
            }
            String name = OwnerRules.name(change.name() == null ? before.name() : change.name());
            String email = OwnerRules.email(change.email() == null ? before.email() : change.email());
            if (!email.equals(before.email()) && owners.byEmail(email).isPresent()) {
                throw new InvalidInputException("email", "email.taken", "an owner with this email already exists");
            }
            String aad = before.aadObjectId();
            if (change.aadObjectId() != null) {
                aad = OwnerRules.aadObjectId(change.aadObjectId());
                String wanted = aad;
                if (aad != null && owners.byAadObjectId(aad).filter(o -> o.id() != id).isPresent()) {
                    throw new InvalidInputException("aadObjectId", "aad.taken",
                            "an owner with this aadObjectId already exists: " + wanted);
                }
            }
            var leave = OwnerRules.leaveUntil(change.clearLeave() ? null
                    : change.leaveUntil() != null ? change.leaveUntil() : before.leaveUntil());
            Long substitute = before.substituteId();
            if (change.clearSubstitute()) {
                substitute = null;
            } else if (change.substituteEmail() != null) {
                String mail = change.substituteEmail().strip().toLowerCase(Locale.ROOT);
                Owner sub = owners.byEmail(mail).filter(o -> owners.active(o.id()))
                        .orElseThrow(() -> new InvalidInputException("substituteEmail", "substitute.unknown",
                                "no owner has the e-mail " + mail));
                if (sub.id() == id) {
                    throw new InvalidInputException("substituteEmail", "substitute.self",
                            "an owner cannot be their own substitute");
                }
                substitute = sub.id();
            }
            boolean admin = change.admin() != null ? change.admin() : before.admin();
            owners.update(id, name, email, aad, admin, leave, substitute);
            ReachService.linkKnownAccount(handle, owners.byId(id).orElseThrow());
            Owner after = owners.byId(id).orElseThrow();
            AuditLog.record(handle, clock, actor, "update", "owner", id, null, null, before, after);
            return after;
        });
    }

    /**
     * Removes an owner's personal data (name, e-mail, Teams links, preferences, personal chats). The
     * row stays: reports and history keep their links, now attributed to "former owner", and the
     * owner's items are left without an owner.
     */
    public void erase(long id, Integer expectedVersion, Actor actor) {
        jdbi.useTransaction(handle -> {
            OwnerDao owners = handle.attach(OwnerDao.class);
            Owner before = owners.byId(id).filter(o -> owners.active(o.id()))
                    .orElseThrow(() -> new NotFoundException("owner", id));
            int version = owners.version(id);
            if (expectedVersion != null && expectedVersion != version) {
                throw new VersionConflictException("owner", id, version);
            }
            for (var item : handle.attach(MilestoneDao.class).viewsOfOwner(id)) {
                AuditLog.record(handle, clock, actor, "reassign", "milestone", item.milestone().id(),
                        item.milestone().planId(), "owner erased", item.milestone(), null);
            }
            ReachService.forgetAccounts(handle, before);
            owners.unassign(id);
            owners.dropAsSubstitute(id);
            owners.forgetPersonalConversations(id);
            owners.unlinkConversations(id);
            owners.anonymiseReports(id);
            owners.erase(id, "erased-" + id + "@invalid", clock.instant());
            AuditDao audit = handle.attach(AuditDao.class);
            audit.eraseOwnerSnapshots(id, "{\"erased\":true}");
            audit.renameActor(before.name(), OwnerDao.FORMER_OWNER);
            AuditLog.record(handle, clock, actor, "erase", "owner", id, null, null, null, null);
        });
    }
}
