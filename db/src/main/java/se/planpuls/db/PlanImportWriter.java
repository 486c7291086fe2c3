package se.planpuls.db;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import se.planpuls.db.PlanDiff.StoredItem;
import se.planpuls.db.PlanDiff.WantedItem;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Area;
import se.planpuls.domain.Effect;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Owner;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.PlanSummary;

/**
 * What a plan import reads of the stored plan and writes to it, inside the import's transaction.
 * Each write is recorded in the audit log with the state before and after; what to write is decided
 * by the caller.
 */
final class PlanImportWriter {
    private final Handle handle;
    private final Clock clock;
    private final Actor actor;
    private final PlanDao plans;
    private final MilestoneDao items;

    PlanImportWriter(Handle handle, Clock clock, Actor actor) {
        this.handle = handle;
        this.clock = clock;
        this.actor = actor;
        this.plans = handle.attach(PlanDao.class);
        this.items = handle.attach(MilestoneDao.class);
    }

    Optional<PlanSummary> plan(String slug) {
        return plans.plans().stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    long createPlan(PlanDocument doc) {
        long planId = plans.insertPlan(doc.slug(), doc.name().strip(), doc.organisation().strip(), doc.periodStart(),
                doc.periodEnd(), clock.instant());
        audit("create", "plan", planId, planId, null, null, header(doc));
        return planId;
    }

    void updatePlan(PlanSummary before, PlanDocument doc) {
        plans.updatePlan(before.id(), doc.name().strip(), doc.organisation().strip(), doc.periodStart(),
                doc.periodEnd());
        audit("update", "plan", before.id(), before.id(), null, before, header(doc));
    }

    List<String> effectGoals(long planId) {
        return plans.effectGoals(planId);
    }

    void replaceEffectGoals(long planId, List<String> before, List<String> goals) {
        plans.deleteEffectGoals(planId);
        for (int i = 0; i < goals.size(); i++) {
            plans.insertEffectGoal(planId, i + 1, goals.get(i));
        }
        audit("update-effect-goals", "plan", planId, planId, null, before, goals);
    }

    /** The plan's groups by name. */
    Map<String, Long> groups(long planId) {
        Map<String, Long> ids = new HashMap<>();
        plans.groups(planId).forEach(g -> ids.put(g.name(), g.id()));
        return ids;
    }

    /** The plan's areas by upper-case code. */
    Map<String, Area> areas(long planId) {
        Map<String, Area> areas = new HashMap<>();
        plans.areas(planId).forEach(a -> areas.put(a.code().toUpperCase(Locale.ROOT), a));
        return areas;
    }

    long createGroup(long planId, String name) {
        return plans.insertGroup(planId, plans.nextGroupPosition(planId), name);
    }

    long createArea(long planId, long groupId, PlanDocument.Area area) {
        long areaId = plans.insertArea(planId, groupId, plans.nextAreaPosition(planId), area.code(),
                area.name().strip(), PlanDiff.goalImage(area));
        audit("create", "area", areaId, planId, null, null, area);
        return areaId;
    }

    void updateArea(long planId, Area stored, long groupId, PlanDocument.Area area) {
        plans.updateArea(stored.id(), groupId, area.name().strip(), PlanDiff.goalImage(area));
        audit("update", "area", stored.id(), planId, null, stored, area);
    }

    /** The owner with this (lower-case) e-mail, created under {@code name} when none has it yet. */
    long owner(String email, String name) {
        OwnerDao owners = handle.attach(OwnerDao.class);
        return owners.byEmail(email).map(Owner::id).orElseGet(() -> {
            long created = owners.insert(name, email, null, false, clock.instant());
            ReachService.linkKnownAccount(handle, owners.byId(created).orElseThrow());
            audit("create", "owner", created, null, "created by import", null, owners.byId(created).orElseThrow());
            return created;
        });
    }

    /** The item with this code, deleted or not, with its effects. */
    Optional<StoredItem> item(long planId, String code) {
        return items.anyByCode(planId, code).map(m -> StoredItem.of(m, items.deleted(m.id()),
                MilestoneService.effects(items, m.id())));
    }

    long createItem(long planId, WantedItem item) {
        long id = items.insertItem(planId, item.areaId(), item.position(), item.code(), item.title(),
                item.description(), item.reachedWhen(), item.dueYear(), item.dueDate(), item.dateUncertain(),
                item.ownerId(), item.kind().apiName(), item.reportTo(),
                item.frequency() == null ? null : item.frequency().apiName(), item.startsOn());
        ItemShapeDao.write(handle.attach(ItemShapeDao.class), id, item.shape());
        int position = 0;
        for (var effect : item.effects()) {
            long effectId = items.insertEffect(id, ++position, effect.text());
            for (String audience : effect.audiences()) {
                items.insertAudience(effectId, audience);
            }
        }
        audit("create", "milestone", id, planId, "import", null, items.milestone(id).orElseThrow());
        return id;
    }

    void updateItem(long planId, StoredItem stored, WantedItem item, List<String> fields) {
        Milestone before = stored.milestone();
        items.updateItem(before.id(), item.areaId(), item.position(), item.title(), item.description(),
                item.reachedWhen(), item.dueYear(), item.dueDate(), item.dateUncertain(), item.ownerId(),
                item.kind().apiName(), item.reportTo(), item.frequency() == null ? null : item.frequency().apiName(),
                item.startsOn());
        ItemShapeDao.write(handle.attach(ItemShapeDao.class), before.id(), item.shape());
        if (PlanDiff.effectsChanged(stored, item)) {
            rewriteEffects(before.id(), item.effects());
        }
        audit("update", "milestone", before.id(), planId, "import changed " + String.join(", ", fields), before,
                items.milestone(before.id()).orElseThrow());
    }

    /**
     * Effects are rewritten by position: texts and audiences are updated in place, so reports that
     * saw an effect keep pointing at it; a surplus effect is removed only when no report saw it.
     */
    private void rewriteEffects(long id, List<PlanDocument.EffectDoc> effects) {
        List<Effect> current = MilestoneService.effects(items, id);
        int maxPosition = current.stream().mapToInt(Effect::position).max().orElse(0);
        for (int i = 0; i < Math.max(current.size(), effects.size()); i++) {
            Effect old = i < current.size() ? current.get(i) : null;
            var wanted = i < effects.size() ? effects.get(i) : null;
            if (old != null && wanted != null) {
                items.updateEffect(old.id(), wanted.text());
                items.deleteAudiences(old.id());
                wanted.audiences().forEach(a -> items.insertAudience(old.id(), a));
            } else if (wanted != null) {
                long effectId = items.insertEffect(id, ++maxPosition, wanted.text());
                wanted.audiences().forEach(a -> items.insertAudience(effectId, a));
            } else if (items.effectUses(old.id()) == 0) {
                items.deleteAudiences(old.id());
                items.deleteEffect(old.id());
            }
        }
    }

    /** The group with this name, created when none has it yet. */
    long ownerGroup(String name) {
        return OwnerGroupService.forImport(handle, clock, actor, name);
    }

    /** Sets a sub-deliverable's parent (null for none), audited as a change of the item. */
    void setParent(long planId, long itemId, Long before, Long parentId) {
        Milestone old = items.milestone(itemId).orElseThrow();
        handle.attach(ItemShapeDao.class).setParent(itemId, parentId);
        items.bumpVersion(itemId);
        audit("update-parent", "milestone", itemId, planId, "import", old, items.milestone(itemId).orElseThrow());
    }

    /** Sets an indicator's definition; true when it changed (the item's audit entry says how). */
    boolean defineIndicator(long itemId, se.planpuls.domain.Indicator indicator) {
        return IndicatorService.define(handle, clock, actor, items.milestone(itemId).orElseThrow(), indicator, "import");
    }

    /** The codes the item depends on, sorted. */
    List<String> dependsOn(long itemId) {
        return items.dependsOnCodes(itemId);
    }

    void replaceDependencies(long planId, long itemId, List<String> before, List<PlanDocument.Dependency> wanted,
                             Map<String, Long> itemIds) {
        items.deleteDependencies(itemId);
        for (var d : wanted) {
            items.insertDependency(itemId, itemIds.get(d.dependsOn()), d.source(), d.basis());
        }
        audit("update-dependencies", "milestone", itemId, planId, null, before,
                wanted.stream().map(PlanDocument.Dependency::dependsOn).sorted().toList());
    }

    private void audit(String action, String entity, Long entityId, Long planId, String reason, Object before,
                       Object after) {
        AuditLog.record(handle, clock, actor, action, entity, entityId, planId, reason, before, after);
    }

    private static Map<String, Object> header(PlanDocument doc) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("slug", doc.slug());
        header.put("name", doc.name());
        header.put("organisation", doc.organisation());
        header.put("periodStart", doc.periodStart());
        header.put("periodEnd", doc.periodEnd());
        return header;
    }
}
