package se.planpuls.domain;

import java.util.List;

/**
 * What a plan item is beyond its kind and dates, as regions write their plans: a sub-deliverable of
 * a parent item (one level only), an ongoing item with no due date of its own ("kontinuerligt",
 * "fortlöpande"), a count-based frequency, the bodies it reports to, and a group that owns it in a
 * person's place.
 *
 * @param parentId     the item this one is a deliverable of, or null
 * @param ongoing      reminded by the regular check-in only and never overdue
 * @param timesPerYear how many reports a year a recurring commitment expects, or null for a period-based one
 * @param reportTo     every body the item reports to, in the plan's order; empty for none
 * @param ownerGroupId the group that owns the item, or null when a person does (or nobody)
 */
public record ItemShape(Long parentId, boolean ongoing, TimesPerYear timesPerYear, List<String> reportTo,
                        Long ownerGroupId) {
    public static final ItemShape NONE = new ItemShape(null, false, null, List.of(), null);

    public ItemShape {
        reportTo = reportTo == null ? List.of() : List.copyOf(reportTo);
    }

    public ItemShape withParent(Long parent) {
        return new ItemShape(parent, ongoing, timesPerYear, reportTo, ownerGroupId);
    }
}
