package se.planpuls.api.leadership;

import java.util.ArrayList;
import java.util.List;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.AnnualReview;

/**
 * An entry's shape in words, the same in the page, the PDF and the workbook: its due year or
 * "Löpande", a count-based item's reports in the year and its pace, a parent's deliverables, a
 * group owner and who answered for it, and the bodies it reports to.
 */
final class EntryTexts {
    private EntryTexts() {
    }

    /** The due year, or "Löpande" for an ongoing item, which has no year to be late by. */
    static String due(AnnualReview.Entry e, PageTexts t) {
        return e.shape().ongoing() ? t.get("review.ongoing") : String.valueOf(e.dueYear());
    }

    /** "2 av minst 4 rapporter – efter, en rapport saknas"; null for an item that is not count-based. */
    static String count(AnnualReview.Entry e, PageTexts t) {
        AnnualReview.Count c = e.shape().count();
        if (c == null) {
            return null;
        }
        String reports = String.valueOf(c.reports());
        String counted = c.max() == null ? t.get("review.count.atLeast", reports, String.valueOf(c.min()))
                : c.max() == c.min() ? t.get("review.count.exactly", reports, String.valueOf(c.min()))
                : t.get("review.count.range", reports, String.valueOf(c.min()), String.valueOf(c.max()));
        return counted + " – " + t.get("review.pace." + c.pace().name());
    }

    /** "2 av 3 delleveranser uppnådda", with a warning when one is at risk; null for an item without. */
    static String deliverables(AnnualReview.Entry e, PageTexts t) {
        AnnualReview.Deliverables d = e.shape().deliverables();
        if (d == null) {
            return null;
        }
        String text = t.get("review.deliverables", String.valueOf(d.reached()), String.valueOf(d.total()));
        return d.atRisk() ? text + " – " + t.get("review.deliverables.atRisk") : text;
    }

    /** The owner: a person's name, or a group's marked as one with the member who answered for it. */
    static String owner(AnnualReview.Entry e, PageTexts t) {
        var s = e.shape();
        if (s.ownerName() == null) {
            return null;
        }
        if (!s.groupOwner()) {
            return s.ownerName();
        }
        String group = t.get("review.owner.group", s.ownerName());
        return s.answeredBy() == null ? group : group + ", " + t.get("review.owner.answeredBy", s.answeredBy());
    }

    static String reportTo(AnnualReview.Entry e) {
        return e.shape().reportTo().isEmpty() ? null : String.join(", ", e.shape().reportTo());
    }

    /** The lines shown under an entry's title: deliverables, count, group owner, report-to bodies. */
    static List<String> details(AnnualReview.Entry e, PageTexts t) {
        List<String> lines = new ArrayList<>();
        add(lines, deliverables(e, t));
        add(lines, count(e, t));
        if (e.shape().groupOwner()) {
            add(lines, t.get("review.owner") + ": " + owner(e, t));
        }
        String bodies = reportTo(e);
        if (bodies != null) {
            add(lines, t.get("review.reportTo.list", bodies));
        }
        return lines;
    }

    private static void add(List<String> lines, String line) {
        if (line != null) {
            lines.add(line);
        }
    }
}
