package se.planpuls.domain.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.TimesPerYear;

/**
 * The rules for an item's shape ({@link ItemShapeDoc}), on one item and across a plan file: a
 * parent must be another item of the file that is not itself a child (one level only, so no
 * cycles), a group owner stands in the owner e-mail's place, a count needs sound numbers, and
 * each report-to body is one line.
 */
public final class ItemShapeRules {
    public static final int MAX_TIMES = 366;
    public static final int MAX_BODY = 200;
    public static final int MAX_GROUP_NAME = 200;

    private ItemShapeRules() {
    }

    /** Problems of one item's shape; {@code at} prefixes each field name. */
    public static List<Problem> check(String at, ItemKind kind, java.time.LocalDate dueDate,
                                      se.planpuls.domain.Frequency frequency, String ownerEmail, ItemShapeDoc shape) {
        List<Problem> problems = new ArrayList<>();
        TimesPerYear times = shape.timesPerYear();
        if (times != null) {
            problems.addAll(checkTimes(at, times));
            if (kind != ItemKind.RECURRING) {
                problems.add(new Problem(at + "timesPerYear", "only a recurring commitment has timesPerYear"));
            }
            if (frequency != null) {
                problems.add(new Problem(at + "timesPerYear", "give either frequency or timesPerYear, not both"));
            }
        }
        if (shape.ongoing() && dueDate != null) {
            problems.add(new Problem(at + "ongoing", "an ongoing item has no due date; leave dueDate out"));
        }
        if (shape.ongoing() && kind == ItemKind.RECURRING) {
            problems.add(new Problem(at + "ongoing", "a recurring commitment is reported by its frequency, not ongoing"));
        }
        if (shape.ongoing() && kind == ItemKind.INDICATOR) {
            problems.add(new Problem(at + "ongoing", "an indicator is reported by its frequency, not ongoing"));
        }
        for (String body : shape.reportTo()) {
            if (body.length() > MAX_BODY || body.contains("\n") || body.contains("|")) {
                problems.add(new Problem(at + "reportTo", "each reportTo body is one line of at most " + MAX_BODY
                        + " characters without '|'"));
            }
        }
        if (shape.ownerGroup() != null) {
            if (ownerEmail != null && !ownerEmail.isBlank()) {
                problems.add(new Problem(at + "ownerGroup", "give either ownerEmail or ownerGroup, not both"));
            }
            if (shape.ownerGroup().isBlank() || shape.ownerGroup().length() > MAX_GROUP_NAME) {
                problems.add(new Problem(at + "ownerGroup", "ownerGroup is a group name of at most " + MAX_GROUP_NAME
                        + " characters"));
            }
        }
        return problems;
    }

    /** A count's own numbers: min 1-366, max from min to 366. */
    public static List<Problem> checkTimes(String at, TimesPerYear times) {
        List<Problem> problems = new ArrayList<>();
        if (times.min() < 1 || times.min() > MAX_TIMES) {
            problems.add(new Problem(at + "timesPerYear", "timesPerYear.min must be 1-" + MAX_TIMES));
        }
        if (times.max() != null && (times.max() < times.min() || times.max() > MAX_TIMES)) {
            problems.add(new Problem(at + "timesPerYear", "timesPerYear.max must be from min to " + MAX_TIMES));
        }
        return problems;
    }

    /** Every parent named in the file is another item of it, and none is itself a child. */
    public static List<Problem> parents(PlanDocument doc) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> parentOf = new HashMap<>();
        for (var item : doc.items()) {
            if (item.code() != null && item.shape().parent() != null) {
                parentOf.put(item.code(), item.shape().parent());
            }
        }
        var codes = doc.items().stream().map(PlanDocument.Item::code).toList();
        for (var item : doc.items()) {
            String parent = item.shape().parent();
            if (parent == null) {
                continue;
            }
            if (parent.equals(item.code())) {
                problems.add(new Problem(item.where() + "parent", "an item cannot be its own parent"));
            } else if (!codes.contains(parent)) {
                problems.add(new Problem(item.where() + "parent", "no item " + parent + " in the file"));
            } else if (parentOf.containsKey(parent)) {
                problems.add(new Problem(item.where() + "parent", "item " + parent + " is itself a sub-deliverable of "
                        + parentOf.get(parent) + ": sub-deliverables go one level deep"));
            }
        }
        return problems;
    }
}
