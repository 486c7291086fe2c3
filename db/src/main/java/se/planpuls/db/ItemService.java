package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.rules.ItemRules;

/**
 * The admin's changes to plan items: create, update (including moving the due date with a reason),
 * reassign and soft delete. Each change is checked in full, guarded by the item's version when the
 * caller names one, and recorded in the audit log in the same transaction.
 */
public final class ItemService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ItemService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Milestone create(long planId, ItemInput input, Actor actor) {
        ItemKind kind = input.kind() == null ? ItemKind.MILESTONE : input.kind();
        String code = ItemRules.blankToNull(input.code());
        Integer dueYear = input.dueYear() != null ? input.dueYear()
                : input.dueDate() != null ? Integer.valueOf(input.dueDate().getYear()) : null;
        throwFirst(ItemRules.check("", code, kind, ItemRules.blankToNull(input.title()), input.description(),
                input.reachedWhen(), dueYear, input.dueDate(), input.reportTo(), input.frequency(), input.startsOn()));
        if (input.areaCode() == null || input.areaCode().isBlank()) {
            throw new InvalidInputException("areaCode", "area.missing", "areaCode is required");
        }
        return Conflicts.guard("code", () -> jdbi.inTransaction(handle -> {
            handle.attach(PlanDao.class).plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            var area = handle.attach(PlanDao.class).areas(planId).stream()
                    .filter(a -> a.code().equalsIgnoreCase(input.areaCode().strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("areaCode", "area.unknown",
                            "the plan has no area " + input.areaCode()));
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            if (dao.anyByCode(planId, code).isPresent()) {
                throw new InvalidInputException("code", "code.taken", "the plan already has an item " + code);
            }
            checkOwner(handle, input.ownerId());
            String description = input.description() == null ? "" : input.description().strip();
            long id = dao.insertItem(planId, area.id(), dao.lastPosition(area.id()) + 1, code, input.title().strip(),
                    description, input.reachedWhen() == null ? description : input.reachedWhen().strip(), dueYear,
                    input.dueDate(), Boolean.TRUE.equals(input.dateUncertain()), input.ownerId(), kind.apiName(),
                    ItemRules.blankToNull(input.reportTo()),
                    input.frequency() == null ? null : input.frequency().apiName(), input.startsOn());
            Milestone created = dao.milestone(id).orElseThrow();
            AuditLog.record(handle, clock, actor, "create", "milestone", id, planId, input.reason(), null, created);
            return created;
        }));
    }

    /** Applies the non-null fields of {@code change}; {@code expectedVersion} null skips the version check. */
    public Milestone update(long id, ItemInput change, Integer expectedVersion, Actor actor) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            Milestone before = dao.milestone(id).orElseThrow(() -> new NotFoundException("milestone", id));
            checkVersion(before, expectedVersion);
            if (change.code() != null && !change.code().strip().equals(before.code())) {
                throw new InvalidInputException("code", "code.fixed", "an item's code cannot be changed");
            }
            long areaId = before.areaId();
            int position = before.position();
            if (change.areaCode() != null) {
                var area = handle.attach(PlanDao.class).areas(before.planId()).stream()
                        .filter(a -> a.code().equalsIgnoreCase(change.areaCode().strip())).findFirst()
                        .orElseThrow(() -> new InvalidInputException("areaCode", "area.unknown",
                                "the plan has no area " + change.areaCode()));
                if (area.id() != areaId) {
                    areaId = area.id();
                    position = dao.lastPosition(areaId) + 1;
                }
            }
            ItemKind kind = change.kind() != null ? change.kind() : before.kind();
            var dueDate = change.dueDate() != null ? change.dueDate()
                    : change.dueYear() != null ? null : before.dueDate();
            int dueYear = change.dueYear() != null ? change.dueYear()
                    : change.dueDate() != null ? change.dueDate().getYear() : before.dueYear();
            var frequency = kind != ItemKind.RECURRING ? null
                    : change.frequency() != null ? change.frequency() : before.frequency();
            var startsOn = kind != ItemKind.RECURRING ? null
                    : change.startsOn() != null ? change.startsOn() : before.startsOn();
            String title = change.title() != null ? change.title().strip() : before.title();
            String description = change.description() != null ? change.description().strip() : before.description();
            String reachedWhen = change.reachedWhen() != null ? change.reachedWhen().strip() : before.reachedWhen();
            String reportTo = change.reportTo() != null ? ItemRules.blankToNull(change.reportTo()) : before.reportTo();
            throwFirst(ItemRules.check("", before.code(), kind, title, description, reachedWhen, dueYear, dueDate,
                    reportTo, frequency, startsOn));
            Long ownerId = change.clearOwner() ? null : change.ownerId() != null ? change.ownerId() : before.ownerId();
            if (!Objects.equals(ownerId, before.ownerId())) {
                checkOwner(handle, ownerId);
            }
            boolean uncertain = change.dateUncertain() != null ? change.dateUncertain() : before.dateUncertain();
            dao.updateItem(id, areaId, position, title, description, reachedWhen, dueYear, dueDate, uncertain, ownerId,
                    kind.apiName(), reportTo, frequency == null ? null : frequency.apiName(), startsOn);
            Milestone after = dao.milestone(id).orElseThrow();
            String action = !Objects.equals(before.effectiveDueDate(), after.effectiveDueDate()) ? "move-due"
                    : !Objects.equals(before.ownerId(), after.ownerId()) ? "reassign" : "update";
            AuditLog.record(handle, clock, actor, action, "milestone", id, before.planId(),
                    ItemRules.blankToNull(change.reason()), before, after);
            return after;
        });
    }

    /** Soft delete: the item leaves every list, but its row, reports and history stay. */
    public void delete(long id, Integer expectedVersion, String reason, Actor actor) {
        jdbi.useTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            Milestone before = dao.milestone(id).orElseThrow(() -> new NotFoundException("milestone", id));
            checkVersion(before, expectedVersion);
            dao.softDelete(id, clock.instant());
            AuditLog.record(handle, clock, actor, "delete", "milestone", id, before.planId(),
                    ItemRules.blankToNull(reason), before, null);
        });
    }

    public Milestone get(long id) {
        return jdbi.withExtension(MilestoneDao.class, dao -> dao.milestone(id))
                .orElseThrow(() -> new NotFoundException("milestone", id));
    }

    static void checkVersion(Milestone current, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionConflictException("milestone", current.id(), current.version());
        }
    }

    private static void checkOwner(Handle handle, Long ownerId) {
        if (ownerId != null && !handle.attach(OwnerAdminDao.class).active(ownerId)) {
            throw new InvalidInputException("ownerId", "owner.unknown", "no owner has id " + ownerId);
        }
    }

    private static void throwFirst(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field(), "item.invalid", problems.get(0).message());
        }
    }
}
