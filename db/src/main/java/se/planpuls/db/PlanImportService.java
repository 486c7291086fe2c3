package se.planpuls.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.db.PlanDiff.StoredItem;
import se.planpuls.db.PlanDiff.WantedItem;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ImportResult;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.rules.PlanDocumentRules;

/**
 * Imports a plan document: the whole file is checked first ({@link PlanDocumentRules}) and nothing
 * is written when any of it is wrong; then, in one transaction, the plan (by slug), its groups,
 * areas (by code), owners (by e-mail) and items (by code) are compared with what is stored
 * ({@link PlanDiff}) and created or updated in place ({@link PlanImportWriter}). An item that is
 * already as the file says is not touched, so importing the same file twice changes nothing; each
 * item created or changed is recorded in the audit log with its state before and after. Items
 * missing from the file are left as they are.
 */
public final class PlanImportService {
    private final Jdbi jdbi;
    private final Clock clock;

    public PlanImportService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public ImportResult importPlan(PlanDocument doc, Actor actor) {
        PlanDocumentRules.check(doc);
        return Conflicts.guard("slug", () -> jdbi.inTransaction(handle -> apply(handle, doc, actor)));
    }

    private ImportResult apply(Handle handle, PlanDocument doc, Actor actor) {
        var store = new PlanImportWriter(handle, clock, actor);
        var existing = store.plan(doc.slug());
        boolean planCreated = existing.isEmpty();
        long planId;
        if (planCreated) {
            planId = store.createPlan(doc);
        } else {
            planId = existing.get().id();
            if (PlanDiff.headerChanged(existing.get(), doc)) {
                store.updatePlan(existing.get(), doc);
            }
        }
        List<String> goals = doc.effectGoals().stream().map(String::strip).toList();
        List<String> storedGoals = store.effectGoals(planId);
        if (!storedGoals.equals(goals)) {
            store.replaceEffectGoals(planId, storedGoals, goals);
        }
        Map<String, Long> groupIds = store.groups(planId);
        var areas = store.areas(planId);
        Map<String, Long> ownerIds = new HashMap<>();
        Map<String, Long> ownerGroupIds = new HashMap<>();
        var tally = new Tally();
        Map<String, Long> itemIds = new HashMap<>();
        for (var group : doc.groups()) {
            String groupName = group.name().strip();
            long groupId = groupIds.computeIfAbsent(groupName, name -> store.createGroup(planId, name));
            for (var area : group.areas()) {
                var known = areas.get(area.code().toUpperCase(Locale.ROOT));
                long areaId;
                if (known == null) {
                    areaId = store.createArea(planId, groupId, area);
                } else {
                    areaId = known.id();
                    if (PlanDiff.areaChanged(known, groupId, area)) {
                        store.updateArea(planId, known, groupId, area);
                    }
                }
                int position = 0;
                for (var item : area.items()) {
                    position++;
                    var wanted = WantedItem.of(item, areaId, position, owner(store, item, ownerIds),
                            ownerGroup(store, item, ownerGroupIds), doc.periodEnd());
                    long itemId = upsert(store, planId, wanted, tally);
                    itemIds.put(item.code(), itemId);
                    if (item.indicator() != null && store.defineIndicator(itemId, item.indicator())) {
                        tally.changed(item.code(), "indicator");
                    }
                }
            }
        }
        parents(store, planId, doc, itemIds, tally);
        Map<String, List<PlanDocument.Dependency>> deps = new LinkedHashMap<>();
        doc.dependencies().forEach(d -> deps.computeIfAbsent(d.milestone(), k -> new ArrayList<>()).add(d));
        for (var entry : itemIds.entrySet()) {
            long id = entry.getValue();
            var wanted = deps.getOrDefault(entry.getKey(), List.of());
            List<String> before = store.dependsOn(id);
            if (!before.equals(wanted.stream().map(PlanDocument.Dependency::dependsOn).sorted().toList())) {
                store.replaceDependencies(planId, id, before, wanted, itemIds);
                tally.dependenciesChanged(entry.getKey());
            }
        }
        return tally.result(planId, planCreated);
    }

    /** Sub-deliverables point at their parents once every item of the file has its id. */
    private static void parents(PlanImportWriter store, long planId, PlanDocument doc, Map<String, Long> itemIds,
                                Tally tally) {
        for (var item : doc.items()) {
            long id = itemIds.get(item.code());
            Long wanted = item.shape().parent() == null ? null : itemIds.get(item.shape().parent());
            Long before = store.item(planId, item.code()).map(s -> s.milestone().shape().parentId()).orElse(null);
            if (!java.util.Objects.equals(before, wanted)) {
                store.setParent(planId, id, before, wanted);
                tally.changed(item.code(), "parent");
            }
        }
    }

    private static Long ownerGroup(PlanImportWriter store, PlanDocument.Item item, Map<String, Long> known) {
        String name = item.shape().ownerGroup();
        if (name == null || name.isBlank()) {
            return null;
        }
        return known.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), k -> store.ownerGroup(name));
    }

    private static Long owner(PlanImportWriter store, PlanDocument.Item item, Map<String, Long> known) {
        if (item.ownerEmail() == null || item.ownerEmail().isBlank()) {
            return null;
        }
        String email = item.ownerEmail().strip().toLowerCase(Locale.ROOT);
        return known.computeIfAbsent(email, mail -> store.owner(mail,
                item.ownerName() == null || item.ownerName().isBlank() ? mail : item.ownerName().strip()));
    }

    private static long upsert(PlanImportWriter store, long planId, WantedItem wanted, Tally tally) {
        var found = store.item(planId, wanted.code());
        if (found.isEmpty()) {
            long id = store.createItem(planId, wanted);
            tally.created(wanted.code());
            return id;
        }
        StoredItem stored = found.get();
        List<String> fields = PlanDiff.itemFields(stored, wanted);
        if (fields.isEmpty()) {
            tally.unchanged();
        } else {
            store.updateItem(planId, stored, wanted, fields);
            tally.updated(wanted.code(), fields);
        }
        return stored.milestone().id();
    }

    /** What the import did, item by item, for its answer. */
    private static final class Tally {
        private final List<ImportResult.Change> changes = new ArrayList<>();
        private int unchanged;
        private int lateFields;

        void created(String code) {
            changes.add(new ImportResult.Change(code, "created", List.of()));
        }

        void updated(String code, List<String> fields) {
            changes.add(new ImportResult.Change(code, "updated", List.copyOf(fields)));
        }

        void unchanged() {
            unchanged++;
        }

        /** A changed dependency is one more changed field of the item (an item counted unchanged so far). */
        void dependenciesChanged(String code) {
            changed(code, "dependsOn");
        }

        /** One more changed field of the item, set after the items themselves (dependencies, parent). */
        void changed(String code, String field) {
            for (int i = 0; i < changes.size(); i++) {
                var c = changes.get(i);
                if (c.code().equals(code)) {
                    if (!c.action().equals("created")) {
                        List<String> fields = new ArrayList<>(c.fields());
                        fields.add(field);
                        changes.set(i, new ImportResult.Change(code, c.action(), List.copyOf(fields)));
                    }
                    return;
                }
            }
            changes.add(new ImportResult.Change(code, "updated", List.of(field)));
            lateFields++;
        }

        ImportResult result(long planId, boolean planCreated) {
            int created = (int) changes.stream().filter(c -> c.action().equals("created")).count();
            int updated = changes.size() - created;
            int same = unchanged - lateFields;
            return new ImportResult(planId, planCreated, created, updated, same, List.copyOf(changes));
        }
    }
}
