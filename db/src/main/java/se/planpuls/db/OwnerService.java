package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;

/** Creates owners and recognises them when they reach the bot from Teams. */
public final class OwnerService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

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
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "name.invalid", "name is required and at most 200 characters");
        }
        String email = input.email() == null ? "" : input.email().strip().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "email.invalid", "email must be an e-mail address");
        }
        String aad = input.aadObjectId() == null || input.aadObjectId().isBlank() ? null : input.aadObjectId().strip();
        if (aad != null && !GUID.matcher(aad).matches()) {
            throw new InvalidInputException("aadObjectId", "aad.invalid",
                    "aadObjectId must be an Entra object id (a GUID)");
        }
        String finalAad = aad == null ? null : aad.toLowerCase(Locale.ROOT);
        return jdbi.inTransaction(handle -> {
            OwnerDao dao = handle.attach(OwnerDao.class);
            if (dao.byEmail(email).isPresent()) {
                throw new InvalidInputException("email", "email.taken", "an owner with this email already exists");
            }
            if (finalAad != null && dao.byAadObjectId(finalAad).isPresent()) {
                throw new InvalidInputException("aadObjectId", "aad.taken",
                        "an owner with this aadObjectId already exists");
            }
            long id = dao.insert(name, email, finalAad, input.admin(), clock.instant());
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
        return jdbi.inTransaction(handle -> {
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
                return Optional.<Owner>empty();
            }
            Owner owner = found.get();
            if (identity.teamsUserId() != null && !identity.teamsUserId().equals(owner.teamsUserId())) {
                dao.unlinkTeamsUserElsewhere(identity.teamsUserId(), owner.id());
                String aad = identity.aadObjectId() == null ? null : identity.aadObjectId().toLowerCase(Locale.ROOT);
                if (aad != null && dao.byAadObjectId(aad).filter(o -> o.id() != owner.id()).isPresent()) {
                    aad = null;
                }
                dao.link(owner.id(), identity.teamsUserId(), aad);
                handle.attach(ConversationDao.class).linkOwner(identity.teamsUserId(), owner.id());
                AuditLog.record(handle, clock, new se.planpuls.domain.Actor(owner.name(), "bot"), "link", "owner",
                        owner.id(), null, null, owner, dao.byId(owner.id()).orElseThrow());
            }
            return dao.byId(owner.id());
        });
    }

    /** The Teams user's cached link, without asking Teams for the member's profile. */
    public Optional<Owner> byTeamsUser(String teamsUserId, String aadObjectId) {
        return jdbi.withExtension(OwnerDao.class, dao -> {
            if (aadObjectId != null) {
                var byAad = dao.byAadObjectId(aadObjectId.toLowerCase(Locale.ROOT));
                if (byAad.isPresent() && teamsUserId != null && teamsUserId.equals(byAad.get().teamsUserId())) {
                    return byAad;
                }
            }
            return teamsUserId == null ? Optional.empty() : dao.byTeamsUserId(teamsUserId);
        });
    }

    /** Who a Teams user is, as far as the activity and the Teams roster tell. */
    public record TeamsIdentity(String teamsUserId, String aadObjectId, String email, String userPrincipalName) {
    }

    /** The owners who have named {@code substituteId} as their substitute. */
    public List<Owner> principalsOf(long substituteId) {
        return jdbi.withExtension(OwnerDao.class, dao -> dao.principalsOf(substituteId));
    }

    /** Remembers the language an owner chose: {@code sv} or {@code en}. */
    public Owner setLocale(long ownerId, String locale) {
        if (!"sv".equals(locale) && !"en".equals(locale)) {
            throw new InvalidInputException("locale", "locale.unknown", "locale must be sv or en");
        }
        return update(ownerId, dao -> dao.setLocale(ownerId, locale));
    }

    /**
     * Names the owner's substitute by e-mail. A substitute who is not yet known is added as an owner
     * (without milestones) so the bot recognises them when they write.
     */
    public Owner nameSubstitute(long ownerId, String email) {
        String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (mail.length() > 320 || !EMAIL.matcher(mail).matches()) {
            throw new InvalidInputException("email", "email.invalid", "the substitute must be given by e-mail address");
        }
        return jdbi.inTransaction(handle -> {
            OwnerDao dao = handle.attach(OwnerDao.class);
            Owner owner = dao.byId(ownerId).orElseThrow(() -> new NotFoundException("owner", ownerId));
            if (owner.email().equals(mail)) {
                throw new InvalidInputException("email", "substitute.self", "an owner cannot be their own substitute");
            }
            Owner substitute = dao.byEmail(mail).orElseGet(() -> dao.byId(
                    dao.insert(mail.substring(0, mail.indexOf('@')), mail, null, false, clock.instant())).orElseThrow());
            dao.setSubstitute(ownerId, substitute.id());
            AuditLog.record(handle, clock, new se.planpuls.domain.Actor(owner.name(), "bot"), "update", "owner",
                    ownerId, null, null, owner, dao.byId(ownerId).orElseThrow());
            return substitute;
        });
    }

    public Owner clearSubstitute(long ownerId) {
        return update(ownerId, dao -> dao.setSubstitute(ownerId, null));
    }

    /** Pauses check-ins until and including {@code until}; null resumes them. */
    public Owner snooze(long ownerId, java.time.LocalDate until) {
        return update(ownerId, dao -> dao.setSnooze(ownerId, until));
    }

    /** Pauses all prompts (leave) until and including {@code until}; null ends the leave. */
    public Owner leave(long ownerId, java.time.LocalDate until) {
        return update(ownerId, dao -> dao.setLeave(ownerId, until));
    }

    /** Changes an owner's own settings from the bot, audited as the owner's own change. */
    private Owner update(long ownerId, java.util.function.ToIntFunction<OwnerDao> change) {
        return jdbi.inTransaction(handle -> {
            OwnerDao dao = handle.attach(OwnerDao.class);
            Owner before = dao.byId(ownerId).orElseThrow(() -> new NotFoundException("owner", ownerId));
            change.applyAsInt(dao);
            Owner after = dao.byId(ownerId).orElseThrow();
            AuditLog.record(handle, clock, new se.planpuls.domain.Actor(before.name(), "bot"), "update", "owner",
                    ownerId, null, null, before, after);
            return after;
        });
    }
}
