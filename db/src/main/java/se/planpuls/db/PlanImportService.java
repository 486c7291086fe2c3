package se.planpuls.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Effect;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ImportResult;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.rules.ItemRules;

/**
 * Imports a plan document: the whole file is checked first and nothing is written when any of it
 * is wrong; then, in one transaction, the plan (by slug), its groups, areas (by code), owners (by
 * e-mail) and items (by code) are created or updated in place. An item that is already as the file
 * says is not touched, so importing the same file twice changes nothing; each item created or
 * changed is recorded in the audit log with its state before and after. Items missing from the file
 * are left as they are.
 */
public final class PlanImportService {
    static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,99}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Set<String> AUDIENCES = Set.of("inv", "sys", "vsh");
    private static final int MAX_PROBLEMS = 50;

    private final Jdbi jdbi;
    private final Clock clock;

    public PlanImportService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public ImportResult importPlan(PlanDocument doc, Actor actor) {
        check(doc);
        return Conflicts.guard("slug", () -> jdbi.inTransaction(handle -> write(handle, doc, actor)));
    }

    /** Every problem in the document, at most {@value #MAX_PROBLEMS}; throws when there is any. */
    static void check(PlanDocument doc) {
        List<Problem> problems = new ArrayList<>();
        if (doc.slug() == null || !SLUG.matcher(doc.slug()).matches()) {
            problems.add(new Problem("slug", "slug is required: lower-case letters, digits and '-', at most 100"));
        }
        if (doc.name() == null || doc.name().isBlank() || doc.name().length() > 500) {
            problems.add(new Problem("name", "name is required and at most 500 characters"));
        }
        if (doc.organisation() == null || doc.organisation().isBlank() || doc.organisation().length() > 200) {
            problems.add(new Problem("organisation", "organisation is required and at most 200 characters"));
        }
        if (doc.periodStart() < 2000 || doc.periodStart() > 2100) {
            problems.add(new Problem("periodStart", "periodStart must be a year between 2000 and 2100"));
        }
        if (doc.periodEnd() < doc.periodStart() || doc.periodEnd() > 2100) {
            problems.add(new Problem("periodEnd", "periodEnd must be a year from periodStart to 2100"));
        }
        for (int i = 0; i < doc.effectGoals().size(); i++) {
            String goal = doc.effectGoals().get(i);
            if (goal == null || goal.isBlank() || goal.length() > 500) {
                problems.add(new Problem("effectGoals[" + i + "]", "an effect goal is text of at most 500 characters"));
            }
        }
        Set<String> groupNames = new HashSet<>();
        Map<String, String> areaNames = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (var group : doc.groups()) {
            if (group.name() == null || group.name().isBlank() || group.name().length() > 200) {
                problems.add(new Problem(group.where() + "group", "the area group is required, at most 200 characters"));
            } else if (!groupNames.add(group.name().strip())) {
                problems.add(new Problem(group.where() + "group", "area group " + group.name() + " appears twice"));
            }
            for (var area : group.areas()) {
                if (area.code() == null || !ItemRules.CODE.matcher(area.code()).matches() || area.code().length() > 20) {
                    problems.add(new Problem(area.where() + "area", "the area code is required: 1-20 letters, digits, '.', '_' or '-'"));
                } else if (areaNames.put(area.code().toUpperCase(Locale.ROOT), group.name()) != null) {
                    problems.add(new Problem(area.where() + "area", "area " + area.code() + " appears twice"));
                }
                if (area.name() == null || area.name().isBlank() || area.name().length() > 200) {
                    problems.add(new Problem(area.where() + "areaName", "the area name is required, at most 200 characters"));
                }
                if (area.goalImage() != null && area.goalImage().length() > ItemRules.MAX_TEXT) {
                    problems.add(new Problem(area.where() + "goalImage", "goalImage is at most 20000 characters"));
                }
                for (var item : area.items()) {
                    checkItem(item, codes, problems);
                }
            }
        }
        for (var d : doc.dependencies()) {
            if (d.milestone() == null || !codes.contains(d.milestone())) {
                problems.add(new Problem(d.where() + "milestone", "no item " + d.milestone() + " in the file"));
            }
            if (d.dependsOn() == null || !codes.contains(d.dependsOn())) {
                problems.add(new Problem(d.where() + "dependsOn", "no item " + d.dependsOn() + " in the file"));
            } else if (d.dependsOn().equals(d.milestone())) {
                problems.add(new Problem(d.where() + "dependsOn", "an item cannot depend on itself"));
            }
            if (d.source() != null && d.source().length() > 200) {
                problems.add(new Problem(d.where() + "source", "source is at most 200 characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems.stream().limit(MAX_PROBLEMS).map(PlanImportService::inFileTerms)
                    .toList());
        }
    }

    private static final java.util.Map<String, String> CSV_COLUMNS = java.util.Map.ofEntries(
            java.util.Map.entry("dueYear", "due"), java.util.Map.entry("dueDate", "due"),
            java.util.Map.entry("reachedWhen", "reached_when"), java.util.Map.entry("reportTo", "report_to"),
            java.util.Map.entry("startsOn", "starts_on"), java.util.Map.entry("ownerEmail", "owner_email"),
            java.util.Map.entry("ownerName", "owner_name"), java.util.Map.entry("group", "area_group"),
            java.util.Map.entry("areaName", "area_name"), java.util.Map.entry("goalImage", "area_goal_image"),
            java.util.Map.entry("milestone", "code"), java.util.Map.entry("dependsOn", "depends_on"));
    private static final java.util.Map<String, String> JSON_FIELDS = java.util.Map.of(
            "group", "name", "area", "code", "areaName", "name");

    /** Names a problem's field as the file does: CSV columns for rows, JSON property names for paths. */
    private static Problem inFileTerms(Problem problem) {
        String field = problem.field();
        int dot = field.lastIndexOf('.');
        if (dot < 0) {
            return problem;
        }
        String prefix = field.substring(0, dot + 1);
        String name = field.substring(dot + 1).replaceFirst("\\[\\d+]$", "");
        boolean csv = field.startsWith("row ");
        if (csv && prefix.endsWith("depends_on.")) {
            prefix = prefix.substring(0, prefix.length() - "depends_on.".length());
            name = "depends_on";
        }
        String renamed = csv ? CSV_COLUMNS.getOrDefault(name, name)
                : JSON_FIELDS.getOrDefault(name, field.substring(dot + 1));
        if (csv && name.startsWith("effects")) {
            renamed = "effects";
        }
        return new Problem(prefix + renamed, problem.message());
    }

    private static void checkItem(PlanDocument.Item item, Set<String> codes, List<Problem> problems) {
        String at = item.where();
        problems.addAll(ItemRules.check(at, item.code(), item.kind(), item.title(), item.description(),
                item.reachedWhen(), item.dueYear(), item.dueDate(), item.reportTo(), item.frequency(), item.startsOn()));
        if (item.code() != null && !codes.add(item.code())) {
            problems.add(new Problem(at + "code", "item " + item.code() + " appears twice"));
        }
        if (item.ownerEmail() != null && (item.ownerEmail().length() > 320
                || !EMAIL.matcher(item.ownerEmail().strip()).matches())) {
            problems.add(new Problem(at + "ownerEmail", "ownerEmail must be an e-mail address"));
        }
        if (item.ownerName() != null && item.ownerName().length() > 200) {
            problems.add(new Problem(at + "ownerName", "ownerName is at most 200 characters"));
        }
        for (int e = 0; e < item.effects().size(); e++) {
            var effect = item.effects().get(e);
            if (effect.text() == null || effect.text().isBlank() || effect.text().length() > 4000) {
                problems.add(new Problem(at + "effects[" + e + "]", "an effect is text of at most 4000 characters"));
            }
            for (String audience : effect.audiences()) {
                if (!AUDIENCES.contains(audience)) {
                    problems.add(new Problem(at + "effects[" + e + "]", "audience must be inv, sys or vsh, not " + audience));
                }
            }
        }
    }

    private ImportResult write(Handle handle, PlanDocument doc, Actor actor) {
        PlanDao plans = handle.attach(PlanDao.class);
        PlanImportDao imports = handle.attach(PlanImportDao.class);
        MilestoneDao items = handle.attach(MilestoneDao.class);
        var existing = plans.plans().stream().filter(p -> p.slug().equals(doc.slug())).findFirst();
        boolean planCreated = existing.isEmpty();
        long planId;
        if (planCreated) {
            planId = plans.insertPlan(doc.slug(), doc.name().strip(), doc.organisation().strip(), doc.periodStart(),
                    doc.periodEnd(), clock.instant());
            AuditLog.record(handle, clock, actor, "create", "plan", planId, planId, null, null, header(doc));
        } else {
            planId = existing.get().id();
            var before = existing.get();
            if (!before.name().equals(doc.name().strip()) || !before.organisation().equals(doc.organisation().strip())
                    || before.periodStart() != doc.periodStart() || before.periodEnd() != doc.periodEnd()) {
                imports.updatePlan(planId, doc.name().strip(), doc.organisation().strip(), doc.periodStart(),
                        doc.periodEnd());
                AuditLog.record(handle, clock, actor, "update", "plan", planId, planId, null, before, header(doc));
            }
        }
        List<String> goals = doc.effectGoals().stream().map(String::strip).toList();
        if (!plans.effectGoals(planId).equals(goals)) {
            var before = plans.effectGoals(planId);
            imports.deleteEffectGoals(planId);
            for (int i = 0; i < goals.size(); i++) {
                plans.insertEffectGoal(planId, i + 1, goals.get(i));
            }
            AuditLog.record(handle, clock, actor, "update-effect-goals", "plan", planId, planId, null, before, goals);
        }
        Map<String, Long> groupIds = new HashMap<>();
        plans.groups(planId).forEach(g -> groupIds.put(g.name(), g.id()));
        Map<String, se.planpuls.domain.Area> areas = new HashMap<>();
        plans.areas(planId).forEach(a -> areas.put(a.code().toUpperCase(Locale.ROOT), a));
        Map<String, Long> ownerIds = new HashMap<>();
        List<ImportResult.Change> changes = new ArrayList<>();
        int unchanged = 0;
        Map<String, Long> itemIds = new HashMap<>();
        for (var group : doc.groups()) {
            String groupName = group.name().strip();
            Long groupId = groupIds.get(groupName);
            if (groupId == null) {
                groupId = plans.insertGroup(planId, imports.nextGroupPosition(planId), groupName);
                groupIds.put(groupName, groupId);
            }
            for (var area : group.areas()) {
                var known = areas.get(area.code().toUpperCase(Locale.ROOT));
                long areaId;
                String goalImage = area.goalImage() == null || area.goalImage().isBlank() ? null : area.goalImage();
                if (known == null) {
                    areaId = plans.insertArea(planId, groupId, imports.nextAreaPosition(planId), area.code(),
                            area.name().strip(), goalImage);
                    AuditLog.record(handle, clock, actor, "create", "area", areaId, planId, null, null, area);
                } else {
                    areaId = known.id();
                    if (known.groupId() != groupId || !known.name().equals(area.name().strip())
                            || !Objects.equals(known.goalImage(), goalImage)) {
                        imports.updateArea(areaId, groupId, area.name().strip(), goalImage);
                        AuditLog.record(handle, clock, actor, "update", "area", areaId, planId, null, known, area);
                    }
                }
                int position = 0;
                for (var item : area.items()) {
                    position++;
                    Long ownerId = owner(handle, item, ownerIds, actor);
                    var change = upsertItem(handle, items, planId, areaId, position, item, ownerId, actor);
                    itemIds.put(item.code(), change.id());
                    if (change.change() == null) {
                        unchanged++;
                    } else {
                        changes.add(change.change());
                    }
                }
            }
        }
        Map<String, List<PlanDocument.Dependency>> deps = new LinkedHashMap<>();
        doc.dependencies().forEach(d -> deps.computeIfAbsent(d.milestone(), k -> new ArrayList<>()).add(d));
        for (var entry : itemIds.entrySet()) {
            long id = entry.getValue();
            List<String> wanted = deps.getOrDefault(entry.getKey(), List.of()).stream()
                    .map(PlanDocument.Dependency::dependsOn).sorted().toList();
            if (!items.dependsOnCodes(id).equals(wanted)) {
                var before = items.dependsOnCodes(id);
                items.deleteDependencies(id);
                for (var d : deps.getOrDefault(entry.getKey(), List.of())) {
                    items.insertDependency(id, itemIds.get(d.dependsOn()), d.source());
                }
                AuditLog.record(handle, clock, actor, "update-dependencies", "milestone", id, planId, null,
                        before, wanted);
                markChanged(changes, entry.getKey(), "dependsOn");
            }
        }
        int created = (int) changes.stream().filter(c -> c.action().equals("created")).count();
        int updated = changes.size() - created;
        unchanged -= (int) changes.stream().filter(c -> c.action().equals("updated")
                && c.fields().equals(List.of("dependsOn"))).count();
        return new ImportResult(planId, planCreated, created, updated, unchanged, List.copyOf(changes));
    }

    private static void markChanged(List<ImportResult.Change> changes, String code, String field) {
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
    }

    private Long owner(Handle handle, PlanDocument.Item item, Map<String, Long> known, Actor actor) {
        if (item.ownerEmail() == null || item.ownerEmail().isBlank()) {
            return null;
        }
        String email = item.ownerEmail().strip().toLowerCase(Locale.ROOT);
        Long cached = known.get(email);
        if (cached != null) {
            return cached;
        }
        OwnerDao owners = handle.attach(OwnerDao.class);
        long id = owners.byEmail(email).map(se.planpuls.domain.Owner::id).orElseGet(() -> {
            String name = item.ownerName() == null || item.ownerName().isBlank() ? email : item.ownerName().strip();
            long created = owners.insert(name, email, null, false, clock.instant());
            AuditLog.record(handle, clock, actor, "create", "owner", created, null, "created by import", null,
                    owners.byId(created).orElseThrow());
            return created;
        });
        known.put(email, id);
        return id;
    }

    private record Upsert(long id, ImportResult.Change change) {
    }

    private Upsert upsertItem(Handle handle, MilestoneDao items, long planId, long areaId, int position,
                              PlanDocument.Item item, Long ownerId, Actor actor) {
        int dueYear = item.dueYear() != null ? item.dueYear() : item.dueDate().getYear();
        String description = item.description() == null ? "" : item.description().strip();
        String reachedWhen = item.reachedWhen() == null || item.reachedWhen().isBlank() ? description
                : item.reachedWhen().strip();
        String reportTo = ItemRules.blankToNull(item.reportTo());
        String frequency = item.frequency() == null ? null : item.frequency().apiName();
        var found = items.anyByCode(planId, item.code());
        List<PlanDocument.EffectDoc> effects = item.effects().stream()
                .map(e -> new PlanDocument.EffectDoc(e.text().strip(), e.audiences().stream().sorted().toList()))
                .toList();
        if (found.isEmpty()) {
            long id = items.insertItem(planId, areaId, position, item.code(), item.title().strip(), description,
                    reachedWhen, dueYear, item.dueDate(), item.dateUncertain(), ownerId, item.kind().apiName(),
                    reportTo, frequency, item.startsOn());
            writeEffects(items, id, effects);
            AuditLog.record(handle, clock, actor, "create", "milestone", id, planId, "import", null,
                    items.milestone(id).orElseThrow());
            return new Upsert(id, new ImportResult.Change(item.code(), "created", List.of()));
        }
        Milestone before = found.get();
        boolean deleted = handle.attach(PlanImportDao.class).deleted(before.id());
        List<String> fields = new ArrayList<>();
        diff(fields, "area", before.areaId(), areaId);
        diff(fields, "position", before.position(), position);
        diff(fields, "title", before.title(), item.title().strip());
        diff(fields, "description", before.description(), description);
        diff(fields, "reachedWhen", before.reachedWhen(), reachedWhen);
        diff(fields, "dueYear", before.dueYear(), dueYear);
        diff(fields, "dueDate", before.dueDate(), item.dueDate());
        diff(fields, "dateUncertain", before.dateUncertain(), item.dateUncertain());
        diff(fields, "owner", before.ownerId(), ownerId);
        diff(fields, "kind", before.kind(), item.kind());
        diff(fields, "reportTo", before.reportTo(), reportTo);
        diff(fields, "frequency", before.frequency(), item.frequency());
        diff(fields, "startsOn", before.startsOn(), item.startsOn());
        if (deleted) {
            fields.add("restored");
        }
        List<PlanDocument.EffectDoc> current = MilestoneService.effects(items, before.id()).stream()
                .map(e -> new PlanDocument.EffectDoc(e.text(), e.audiences().stream().sorted().toList())).toList();
        boolean effectsChanged = !current.equals(effects);
        if (effectsChanged) {
            fields.add("effects");
        }
        if (fields.isEmpty()) {
            return new Upsert(before.id(), null);
        }
        items.updateItem(before.id(), areaId, position, item.title().strip(), description, reachedWhen, dueYear,
                item.dueDate(), item.dateUncertain(), ownerId, item.kind().apiName(), reportTo, frequency,
                item.startsOn());
        if (effectsChanged) {
            rewriteEffects(items, before.id(), effects);
        }
        AuditLog.record(handle, clock, actor, "update", "milestone", before.id(), planId,
                "import changed " + String.join(", ", fields), before, items.milestone(before.id()).orElseThrow());
        return new Upsert(before.id(), new ImportResult.Change(item.code(), "updated", List.copyOf(fields)));
    }

    private static void diff(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    private static void writeEffects(MilestoneDao items, long id, List<PlanDocument.EffectDoc> effects) {
        int position = 0;
        for (var effect : effects) {
            long effectId = items.insertEffect(id, ++position, effect.text());
            for (String audience : effect.audiences()) {
                items.insertAudience(effectId, audience);
            }
        }
    }

    /**
     * Effects are rewritten by position: texts and audiences are updated in place, so reports that
     * saw an effect keep pointing at it; a surplus effect is removed only when no report saw it.
     */
    private static void rewriteEffects(MilestoneDao items, long id, List<PlanDocument.EffectDoc> effects) {
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
