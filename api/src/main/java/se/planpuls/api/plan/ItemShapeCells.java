package se.planpuls.api.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.TimesPerYear;

/**
 * An item's shape ({@link ItemShapeDoc}) in the CSV's cells: {@code parent} (the parent's code),
 * {@code ongoing} (true, or the plan's own word in {@code due}: kontinuerligt, fortlöpande, löpande,
 * pågående, ongoing), {@code times_per_year} ({@code 4+} at least four, {@code 1-2} one to two),
 * {@code owner_group} (in {@code owner_email}'s place) and several {@code report_to} bodies
 * separated by {@code |}.
 */
final class ItemShapeCells {
    private static final Set<String> ONGOING_WORDS = Set.of("kontinuerligt", "fortlöpande", "löpande", "pågående",
            "ongoing", "continuous");

    private ItemShapeCells() {
    }

    static boolean ongoingWord(String due) {
        return due != null && ONGOING_WORDS.contains(due.strip().toLowerCase(Locale.ROOT));
    }

    static ItemShapeDoc read(UnaryOperator<String> cell, String row, String due, List<Problem> problems) {
        String rawOngoing = cell.apply("ongoing");
        boolean ongoing = ongoingWord(due);
        if (rawOngoing != null) {
            if (!rawOngoing.equalsIgnoreCase("true") && !rawOngoing.equalsIgnoreCase("false")) {
                problems.add(new Problem(row + "ongoing", "ongoing must be true or false"));
            } else {
                ongoing = ongoing || rawOngoing.equalsIgnoreCase("true");
            }
        }
        TimesPerYear times = null;
        String rawTimes = cell.apply("times_per_year");
        if (rawTimes != null) {
            times = TimesPerYear.parse(rawTimes).orElse(null);
            if (times == null) {
                problems.add(new Problem(row + "times_per_year",
                        "times_per_year is a count such as 4+ (at least four) or 1-2 (one to two)"));
            }
        }
        String reportTo = cell.apply("report_to");
        List<String> bodies = reportTo == null ? List.of()
                : Arrays.stream(reportTo.split("\\|")).map(String::strip).filter(b -> !b.isEmpty()).toList();
        return new ItemShapeDoc(cell.apply("parent"), ongoing, times, bodies, cell.apply("owner_group"));
    }

    static String reportTo(PlanDocument.Item item) {
        List<String> bodies = item.shape().reportTo();
        if (bodies.isEmpty()) {
            return item.reportTo() == null ? "" : item.reportTo();
        }
        return String.join(" | ", bodies);
    }

    static String parent(PlanDocument.Item item) {
        return item.shape().parent() == null ? "" : item.shape().parent();
    }

    static String ongoing(PlanDocument.Item item) {
        return item.shape().ongoing() ? "true" : "";
    }

    static String timesPerYear(PlanDocument.Item item) {
        return item.shape().timesPerYear() == null ? "" : item.shape().timesPerYear().text();
    }

    static String ownerGroup(PlanDocument.Item item) {
        return item.shape().ownerGroup() == null ? "" : item.shape().ownerGroup();
    }
}
