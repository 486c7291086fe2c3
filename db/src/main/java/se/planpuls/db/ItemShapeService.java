package se.planpuls.db;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.rules.ItemRules;
import se.planpuls.domain.rules.ItemShapeRules;

/**
 * An admin's change of an item's shape ({@link ItemShape}) as a whole: its parent, whether it is
 * ongoing, its count, its report-to bodies and its owning group. Checked before anything is written
 * (one level of sub-deliverables only, so no cycle can form; a group in a person's place, not beside
 * one), guarded by the item's version, and audited with the item before and after.
 */
public final class ItemShapeService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ItemShapeService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Milestone setShape(long id, ItemShape wanted, Integer expectedVersion, Actor actor) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao items = handle.attach(MilestoneDao.class);
            ItemShapeDao shapes = handle.attach(ItemShapeDao.class);
            Milestone before = items.milestone(id).orElseThrow(() -> new NotFoundException("milestone", id));
            if (expectedVersion != null && expectedVersion != before.version()) {
                throw new VersionConflictException("milestone", id, before.version());
            }
            Long parent = wanted.parentId();
            if (parent != null) {
                if (parent == id) {
                    throw new InvalidInputException("parentId", "parent.self", "an item cannot be its own parent");
                }
                Milestone p = items.milestone(parent).filter(m -> m.planId() == before.planId())
                        .orElseThrow(() -> new InvalidInputException("parentId", "parent.unknown",
                                "no item " + parent + " in the same plan"));
                if (p.shape().parentId() != null) {
                    throw new InvalidInputException("parentId", "parent.deep", p.code()
                            + " is itself a sub-deliverable: sub-deliverables go one level deep");
                }
                if (shapes.childCount(id) > 0) {
                    throw new InvalidInputException("parentId", "parent.hasChildren", before.code()
                            + " has sub-deliverables of its own: sub-deliverables go one level deep");
                }
            }
            if (wanted.ownerGroupId() != null) {
                h(handle).byId(wanted.ownerGroupId()).orElseThrow(() -> new InvalidInputException("ownerGroupId",
                        "ownerGroup.unknown", "no group " + wanted.ownerGroupId()));
                if (before.ownerId() != null) {
                    throw new InvalidInputException("ownerGroupId", "ownerGroup.withOwner",
                            "the item has an owner: clear ownerId first, a group stands in an owner's place");
                }
            }
            var doc = new ItemShapeDoc(null, wanted.ongoing(), wanted.timesPerYear(), wanted.reportTo(),
                    wanted.ownerGroupId() == null ? null : "group");
            List<Problem> problems = new java.util.ArrayList<>(ItemShapeRules.check("", before.kind(),
                    before.dueDate(), before.frequency(), null, doc));
            problems.addAll(ItemRules.check("", before.code(), before.kind(), before.title(), before.description(),
                    before.reachedWhen(), before.dueYear(), before.dueDate(), doc.firstReportTo(), before.frequency(),
                    before.startsOn(), doc.ongoing(), doc.timesPerYear()));
            if (!problems.isEmpty()) {
                Problem first = problems.get(0);
                throw new InvalidInputException(first.field(), "shape.invalid", first.message());
            }
            var shape = new ItemShape(parent, doc.ongoing(), doc.timesPerYear(), doc.reportTo(), wanted.ownerGroupId());
            ItemShapeDao.write(shapes, id, shape);
            shapes.setParent(id, parent);
            shapes.setReportTo(id, doc.firstReportTo());
            items.bumpVersion(id);
            Milestone after = items.milestone(id).orElseThrow();
            if (!Objects.equals(before.shape(), after.shape())) {
                AuditLog.record(handle, clock, actor, "update-shape", "milestone", id, before.planId(), null, before,
                        after);
            }
            return after;
        });
    }

    private static OwnerGroupDao h(org.jdbi.v3.core.Handle handle) {
        return handle.attach(OwnerGroupDao.class);
    }
}
