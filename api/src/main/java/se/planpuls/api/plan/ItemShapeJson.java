package se.planpuls.api.plan;

import java.util.ArrayList;
import java.util.List;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.TimesPerYear;

/**
 * An item's shape ({@link ItemShapeDoc}) in the plan JSON: {@code parent}, {@code ongoing},
 * {@code timesPerYear} ({@code {"min": 4}} or {@code {"min": 1, "max": 2}}), {@code ownerGroup}, and
 * {@code reportTo} as one body (a string, as before) or a list of bodies.
 */
final class ItemShapeJson {
    private ItemShapeJson() {
    }

    static ItemShapeDoc read(PlanJsonFormat.ItemJ item, String at, List<Problem> problems) {
        TimesPerYear times = null;
        if (item.timesPerYear() != null) {
            if (item.timesPerYear().min() == null) {
                problems.add(new Problem(at + "timesPerYear", "timesPerYear needs min (and may have max)"));
            } else {
                times = new TimesPerYear(item.timesPerYear().min(), item.timesPerYear().max());
            }
        }
        return new ItemShapeDoc(item.parent(), Boolean.TRUE.equals(item.ongoing()), times,
                bodies(item.reportTo(), at, problems), item.ownerGroup());
    }

    /** The single body an older reader expects: the string, or the list's first. */
    static String firstReportTo(Object reportTo) {
        if (reportTo instanceof String text) {
            return text;
        }
        if (reportTo instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String first) {
            return first;
        }
        return null;
    }

    private static List<String> bodies(Object reportTo, String at, List<Problem> problems) {
        if (reportTo == null) {
            return List.of();
        }
        if (reportTo instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text);
        }
        List<String> bodies = new ArrayList<>();
        if (reportTo instanceof List<?> list) {
            for (Object body : list) {
                if (body instanceof String text) {
                    bodies.add(text);
                } else {
                    problems.add(new Problem(at + "reportTo", "reportTo is a body's name or a list of names"));
                    return List.of();
                }
            }
            return bodies;
        }
        problems.add(new Problem(at + "reportTo", "reportTo is a body's name or a list of names"));
        return List.of();
    }

    /** One body as a string, as files before lists were written; several as a list. */
    static Object reportTo(PlanDocument.Item item) {
        List<String> bodies = item.shape().reportTo();
        if (bodies.size() > 1) {
            return bodies;
        }
        return bodies.isEmpty() ? item.reportTo() : bodies.get(0);
    }

    static PlanJsonFormat.TimesPerYearJ timesPerYear(PlanDocument.Item item) {
        TimesPerYear times = item.shape().timesPerYear();
        return times == null ? null : new PlanJsonFormat.TimesPerYearJ(times.min(), times.max());
    }
}
