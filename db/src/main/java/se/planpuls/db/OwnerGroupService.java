package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Owner;
import se.planpuls.domain.OwnerGroup;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.rules.ItemShapeRules;
import se.planpuls.domain.rules.OwnerRules;

/**
 * Groups that own items in a person's place, and their members. Every write is guarded by the
 * group's version when the caller names one, and recorded in the audit log with the group before
 * and after. A member is an owner, found by id, Entra object id or e-mail; an e-mail nobody has yet
 * becomes a new owner, as an import does.
 */
public final class OwnerGroupService {
    private final Jdbi jdbi;
    private final Clock clock;

    public OwnerGroupService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Who is to be added: one of the three, checked in this order. */
    public record NewMember(Long ownerId, String aadObjectId, String email, String name) {
    }

    public List<OwnerGroup> all() {
        return jdbi.withHandle(h -> h.attach(OwnerGroupDao.class).all().stream().map(r -> group(h, r)).toList());
    }

    public OwnerGroup byId(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /** The groups the owner is a member of. */
    public List<OwnerGroup> groupsOf(long ownerId) {
        return jdbi.withHandle(h -> {
            OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
            return dao.groupsOf(ownerId).stream().map(dao::byId).flatMap(Optional::stream)
                    .map(r -> group(h, r)).toList();
        });
    }

    public OwnerGroup create(String name, Actor actor) {
        String clean = name(name);
        return jdbi.inTransaction(h -> {
            OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
            var existing = dao.anyByName(clean);
            long id;
            if (existing.isPresent() && !dao.deleted(existing.get().id())) {
                throw new InvalidInputException("name", "group.taken", "a group named " + clean + " already exists");
            } else if (existing.isPresent()) {
                id = existing.get().id();
                dao.rename(id, clean);
            } else {
                id = dao.insert(clean, clock.instant());
            }
            OwnerGroup created = load(h, id);
            AuditLog.record(h, clock, actor, "create", "owner_group", id, null, null, null, created);
            return created;
        });
    }

    public OwnerGroup rename(long id, String name, Integer expectedVersion, Actor actor) {
        String clean = name(name);
        return jdbi.inTransaction(h -> {
            OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
            OwnerGroup before = guarded(h, id, expectedVersion);
            if (dao.anyByName(clean).filter(g -> g.id() != id).isPresent()) {
                throw new InvalidInputException("name", "group.taken", "a group named " + clean + " already exists");
            }
            dao.rename(id, clean);
            OwnerGroup after = load(h, id);
            AuditLog.record(h, clock, actor, "update", "owner_group", id, null, null, before, after);
            return after;
        });
    }

    /** Deletes a group that owns no item; the row stays so reports made for it keep their link. */
    public void delete(long id, Integer expectedVersion, Actor actor) {
        jdbi.useTransaction(h -> {
            OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
            OwnerGroup before = guarded(h, id, expectedVersion);
            int items = dao.itemCount(id);
            if (items > 0) {
                throw new InvalidInputException("id", "group.owns-items", "the group owns " + items
                        + " item(s); give them another owner first");
            }
            dao.softDelete(id, clock.instant());
            AuditLog.record(h, clock, actor, "delete", "owner_group", id, null, null, before, null);
        });
    }

    public OwnerGroup addMember(long id, NewMember member, Integer expectedVersion, Actor actor) {
        return jdbi.inTransaction(h -> {
            OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
            OwnerGroup before = guarded(h, id, expectedVersion);
            Owner owner = person(h, member, actor);
            if (before.hasMember(owner.id())) {
                throw new InvalidInputException("member", "group.member-twice", owner.email()
                        + " is already a member of " + before.name());
            }
            dao.addMember(id, owner.id(), clock.instant());
            dao.bumpVersion(id);
            OwnerGroup after = load(h, id);
            AuditLog.record(h, clock, actor, "add-member", "owner_group", id, null, null, before, after);
            return after;
        });
    }

    public OwnerGroup removeMember(long id, long ownerId, Integer expectedVersion, Actor actor) {
        return jdbi.inTransaction(h -> {
            OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
            OwnerGroup before = guarded(h, id, expectedVersion);
            if (dao.removeMember(id, ownerId) == 0) {
                throw new NotFoundException("member", ownerId);
            }
            dao.bumpVersion(id);
            OwnerGroup after = load(h, id);
            AuditLog.record(h, clock, actor, "remove-member", "owner_group", id, null, null, before, after);
            return after;
        });
    }

    /** The group with this name for an import, created (and audited) when there is none. */
    static long forImport(Handle h, Clock clock, Actor actor, String name) {
        OwnerGroupDao dao = h.attach(OwnerGroupDao.class);
        String clean = name.strip();
        var existing = dao.anyByName(clean);
        if (existing.isPresent()) {
            if (dao.deleted(existing.get().id())) {
                dao.rename(existing.get().id(), existing.get().name());
            }
            return existing.get().id();
        }
        long id = dao.insert(clean, clock.instant());
        AuditLog.record(h, clock, actor, "create", "owner_group", id, null, "created by import", null, load(h, id));
        return id;
    }

    static String groupName(Handle h, Long id) {
        return id == null ? null : h.attach(OwnerGroupDao.class).byId(id).map(OwnerGroupDao.GroupRow::name)
                .orElse(null);
    }

    private static OwnerGroup guarded(Handle h, long id, Integer expectedVersion) {
        OwnerGroup group = load(h, id);
        if (expectedVersion != null && expectedVersion != group.version()) {
            throw new VersionConflictException("owner_group", id, group.version());
        }
        return group;
    }

    static OwnerGroup load(Handle h, long id) {
        return h.attach(OwnerGroupDao.class).byId(id).map(r -> group(h, r))
                .orElseThrow(() -> new NotFoundException("owner_group", id));
    }

    private static OwnerGroup group(Handle h, OwnerGroupDao.GroupRow row) {
        return new OwnerGroup(row.id(), row.name(), h.attach(OwnerGroupDao.class).members(row.id()), row.version());
    }

    private Owner person(Handle h, NewMember member, Actor actor) {
        OwnerDao owners = h.attach(OwnerDao.class);
        if (member == null || member.ownerId() == null && blank(member.aadObjectId()) && blank(member.email())) {
            throw new InvalidInputException("member", "member.required",
                    "name the member by ownerId, aadObjectId or email");
        }
        if (member.ownerId() != null) {
            return owners.byId(member.ownerId()).filter(o -> owners.active(o.id()))
                    .orElseThrow(() -> new InvalidInputException("ownerId", "member.unknown",
                            "no owner has the id " + member.ownerId()));
        }
        if (!blank(member.aadObjectId())) {
            String aad = OwnerRules.aadObjectId(member.aadObjectId());
            var known = owners.byAadObjectId(aad);
            if (known.isPresent()) {
                return known.get();
            }
            if (blank(member.email())) {
                throw new InvalidInputException("aadObjectId", "member.unknown",
                        "no owner has the aadObjectId " + aad + "; give the member's email too");
            }
        }
        String email = OwnerRules.email(member.email());
        return owners.byEmail(email).orElseGet(() -> {
            String name = OwnerRules.name(blank(member.name()) ? email : member.name());
            String aad = blank(member.aadObjectId()) ? null : OwnerRules.aadObjectId(member.aadObjectId());
            long created = owners.insert(name, email.toLowerCase(Locale.ROOT), aad, false, clock.instant());
            ReachService.linkKnownAccount(h, owners.byId(created).orElseThrow());
            Owner owner = owners.byId(created).orElseThrow();
            AuditLog.record(h, clock, actor, "create", "owner", created, null, "created as a group member", null,
                    owner);
            return owner;
        });
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > ItemShapeRules.MAX_GROUP_NAME) {
            throw new InvalidInputException("name", "group.name", "name is required, at most "
                    + ItemShapeRules.MAX_GROUP_NAME + " characters");
        }
        return name.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
