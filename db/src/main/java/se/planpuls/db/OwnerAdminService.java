package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.OwnerChange;
import se.planpuls.domain.VersionConflictException;

/**
 * The admin's changes to owners: update (name, e-mail, admin flag, leave, substitute) and erase.
 * Each is checked in full, guarded by the owner's version when the caller names one, and audited.
 */
public final class OwnerAdminService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Jdbi jdbi;
    private final Clock clock;

    public OwnerAdminService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Owners not erased, optionally filtered by a text in name or e-mail and by the admin flag. */
    public List<Owner> search(String query, Boolean admin) {
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        return jdbi.withHandle(handle -> {
            OwnerDao owners = handle.attach(OwnerDao.class);
            OwnerAdminDao admins = handle.attach(OwnerAdminDao.class);
            return owners.all().stream()
                    .filter(o -> admins.active(o.id()))
                    .filter(o -> q == null || o.name().toLowerCase(Locale.ROOT).contains(q) || o.email().contains(q))
                    .filter(o -> admin == null || o.admin() == admin)
                    .toList();
        });
    }

    public int version(long id) {
        return jdbi.withHandle(handle -> {
            handle.attach(OwnerDao.class).byId(id).orElseThrow(() -> new NotFoundException("owner", id));
            return handle.attach(OwnerAdminDao.class).version(id);
        });
    }

    public Owner update(long id, OwnerChange change, Integer expectedVersion, Actor actor) {
        return jdbi.inTransaction(handle -> {
            OwnerDao owners = handle.attach(OwnerDao.class);
            OwnerAdminDao admins = handle.attach(OwnerAdminDao.class);
            Owner before = owners.byId(id).filter(o -> admins.active(o.id()))
                    .orElseThrow(() -> new NotFoundException("owner", id));
            int version = admins.version(id);
            if (expectedVersion != null && expectedVersion != version) {
                throw new VersionConflictException("owner", id, version);
            }
            String name = change.name() == null ? before.name() : change.name().strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new InvalidInputException("name", "name.invalid", "name is required and at most 200 characters");
            }
            String email = change.email() == null ? before.email() : change.email().strip().toLowerCase(Locale.ROOT);
            if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                throw new InvalidInputException("email", "email.invalid", "email must be an e-mail address");
            }
            if (!email.equals(before.email()) && owners.byEmail(email).isPresent()) {
                throw new InvalidInputException("email", "email.taken", "an owner with this email already exists");
            }
            String aad = before.aadObjectId();
            if (change.aadObjectId() != null) {
                aad = change.aadObjectId().isBlank() ? null : change.aadObjectId().strip().toLowerCase(Locale.ROOT);
                if (aad != null && !GUID.matcher(aad).matches()) {
                    throw new InvalidInputException("aadObjectId", "aad.invalid",
                            "aadObjectId must be an Entra object id (a GUID)");
                }
                String wanted = aad;
                if (aad != null && owners.byAadObjectId(aad).filter(o -> o.id() != id).isPresent()) {
                    throw new InvalidInputException("aadObjectId", "aad.taken",
                            "an owner with this aadObjectId already exists: " + wanted);
                }
            }
            var leave = change.clearLeave() ? null : change.leaveUntil() != null ? change.leaveUntil()
                    : before.leaveUntil();
            if (leave != null && (leave.getYear() < 2000 || leave.getYear() > 2100)) {
                throw new InvalidInputException("leaveUntil", "leave.range", "leaveUntil must be between 2000 and 2100");
            }
            Long substitute = before.substituteId();
            if (change.clearSubstitute()) {
                substitute = null;
            } else if (change.substituteEmail() != null) {
                String mail = change.substituteEmail().strip().toLowerCase(Locale.ROOT);
                Owner sub = owners.byEmail(mail).filter(o -> admins.active(o.id()))
                        .orElseThrow(() -> new InvalidInputException("substituteEmail", "substitute.unknown",
                                "no owner has the e-mail " + mail));
                if (sub.id() == id) {
                    throw new InvalidInputException("substituteEmail", "substitute.self",
                            "an owner cannot be their own substitute");
                }
                substitute = sub.id();
            }
            boolean admin = change.admin() != null ? change.admin() : before.admin();
            admins.update(id, name, email, aad, admin, leave, substitute);
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
            OwnerAdminDao admins = handle.attach(OwnerAdminDao.class);
            Owner before = owners.byId(id).filter(o -> admins.active(o.id()))
                    .orElseThrow(() -> new NotFoundException("owner", id));
            int version = admins.version(id);
            if (expectedVersion != null && expectedVersion != version) {
                throw new VersionConflictException("owner", id, version);
            }
            for (var item : handle.attach(MilestoneDao.class).viewsOfOwner(id)) {
                AuditLog.record(handle, clock, actor, "reassign", "milestone", item.milestone().id(),
                        item.milestone().planId(), "owner erased", item.milestone(), null);
            }
            admins.unassign(id);
            admins.dropAsSubstitute(id);
            admins.forgetPersonalConversations(id);
            admins.unlinkConversations(id);
            admins.anonymiseReports(id);
            admins.erase(id, "erased-" + id + "@invalid", clock.instant());
            AuditDao audit = handle.attach(AuditDao.class);
            audit.eraseOwnerSnapshots(id, "{\"erased\":true}");
            audit.renameActor(before.name(), OwnerAdminDao.FORMER_OWNER);
            AuditLog.record(handle, clock, actor, "erase", "owner", id, null, null, null, null);
        });
    }
}
