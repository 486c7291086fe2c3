package se.planpuls.domain.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.PlanDocument;

/**
 * The rules a whole plan document obeys before any of it is imported: the plan's own fields, unique
 * group names, area codes and item codes, every item by {@link ItemRules}, its owner by
 * {@link OwnerRules}, and dependencies between items of the file. Problems are named as the file
 * names them (a CSV column or a JSON property), so an admin can find and fix each one.
 */
public final class PlanDocumentRules {
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,99}$");
    private static final Set<String> AUDIENCES = Set.of("inv", "sys", "vsh");
    private static final int MAX_PROBLEMS = 50;
    private static final Map<String, String> CSV_COLUMNS = Map.ofEntries(
            Map.entry("dueYear", "due"), Map.entry("dueDate", "due"),
            Map.entry("reachedWhen", "reached_when"), Map.entry("reportTo", "report_to"),
            Map.entry("startsOn", "starts_on"), Map.entry("ownerEmail", "owner_email"),
            Map.entry("ownerName", "owner_name"), Map.entry("group", "area_group"),
            Map.entry("areaName", "area_name"), Map.entry("goalImage", "area_goal_image"),
            Map.entry("milestone", "code"), Map.entry("dependsOn", "depends_on"),
            Map.entry("ownerGroup", "owner_group"), Map.entry("timesPerYear", "times_per_year"),
            Map.entry("indicator", "unit"), Map.entry("baselineDate", "baseline_date"),
            Map.entry("targetDate", "target_date"), Map.entry("direction", "target_direction"));
    private static final Map<String, String> JSON_FIELDS = Map.of(
            "group", "name", "area", "code", "areaName", "name");

    private PlanDocumentRules() {
    }

    /** Every problem in the document, at most {@value #MAX_PROBLEMS}; throws when there is any. */
    public static void check(PlanDocument doc) {
        List<Problem> problems = new ArrayList<>();
        texts(doc, problems);
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
        cycles(doc, codes, problems);
        problems.addAll(ItemShapeRules.parents(doc));
        if (!problems.isEmpty()) {
            throw new ImportException(problems.stream().limit(MAX_PROBLEMS).map(PlanDocumentRules::inFileTerms)
                    .toList());
        }
    }

    /** Every text of the document by {@link TextRules}, named where the file has it. */
    private static void texts(PlanDocument doc, List<Problem> problems) {
        text("", "slug", doc.slug(), problems);
        text("", "name", doc.name(), problems);
        text("", "organisation", doc.organisation(), problems);
        for (int i = 0; i < doc.effectGoals().size(); i++) {
            text("", "effectGoals[" + i + "]", doc.effectGoals().get(i), problems);
        }
        for (var group : doc.groups()) {
            text(group.where(), "group", group.name(), problems);
            for (var area : group.areas()) {
                text(area.where(), "area", area.code(), problems);
                text(area.where(), "areaName", area.name(), problems);
                text(area.where(), "goalImage", area.goalImage(), problems);
                for (var item : area.items()) {
                    String at = item.where();
                    text(at, "code", item.code(), problems);
                    text(at, "title", item.title(), problems);
                    text(at, "description", item.description(), problems);
                    text(at, "reachedWhen", item.reachedWhen(), problems);
                    text(at, "reportTo", item.reportTo(), problems);
                    text(at, "ownerEmail", item.ownerEmail(), problems);
                    text(at, "ownerName", item.ownerName(), problems);
                    for (int e = 0; e < item.effects().size(); e++) {
                        text(at, "effects[" + e + "]", item.effects().get(e).text(), problems);
                    }
                }
            }
        }
        for (var d : doc.dependencies()) {
            text(d.where(), "milestone", d.milestone(), problems);
            text(d.where(), "dependsOn", d.dependsOn(), problems);
            text(d.where(), "source", d.source(), problems);
        }
    }

    private static void text(String where, String field, String value, List<Problem> problems) {
        if (!TextRules.clean(value)) {
            problems.add(new Problem(where + field, TextRules.message(field.replaceFirst("\\[\\d+]$", ""))));
        }
    }

    /** The first edge of the file that closes a loop, with the loop named; an edge to an unknown item is left out. */
    private static void cycles(PlanDocument doc, Set<String> codes, List<Problem> problems) {
        Map<String, List<String>> upstream = new HashMap<>();
        for (var d : doc.dependencies()) {
            if (d.milestone() == null || d.dependsOn() == null || !codes.contains(d.milestone())
                    || !codes.contains(d.dependsOn()) || d.milestone().equals(d.dependsOn())) {
                continue;
            }
            var loop = DependencyCycles.closedBy(upstream, d.milestone(), d.dependsOn());
            if (loop.isPresent()) {
                problems.add(new Problem(d.where() + "dependsOn", d.milestone() + " cannot depend on " + d.dependsOn()
                        + ": that makes a cycle " + DependencyCycles.describe(loop.get())));
                return;
            }
            upstream.computeIfAbsent(d.milestone(), k -> new ArrayList<>()).add(d.dependsOn());
        }
    }

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
        if (csv && prefix.endsWith(".indicator.")) {
            // An indicator's fields are columns of the item's row.
            prefix = prefix.substring(0, prefix.length() - "indicator.".length());
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
                item.reachedWhen(), item.dueYear(), item.dueDate(), item.reportTo(), item.frequency(), item.startsOn(),
                item.shape().ongoing(), item.shape().timesPerYear()));
        problems.addAll(ItemShapeRules.check(at, item.kind(), item.dueDate(), item.frequency(), item.ownerEmail(),
                item.shape()));
        if (item.kind() == se.planpuls.domain.ItemKind.INDICATOR && item.indicator() == null) {
            problems.add(new Problem(at + "indicator", "an indicator needs its unit, direction and target"));
        } else if (item.kind() != se.planpuls.domain.ItemKind.INDICATOR && item.indicator() != null) {
            problems.add(new Problem(at + "indicator", "only an item of kind indicator has a unit, baseline or target"));
        } else if (item.indicator() != null) {
            problems.addAll(item.indicator().check(at + "indicator."));
        }
        if (item.code() != null && !codes.add(item.code())) {
            problems.add(new Problem(at + "code", "item " + item.code() + " appears twice"));
        }
        problems.addAll(OwnerRules.checkNamedOwner(at, item.ownerEmail(), item.ownerName()));
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
}
