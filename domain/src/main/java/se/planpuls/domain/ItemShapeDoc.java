package se.planpuls.domain;

import java.util.List;

/**
 * {@link ItemShape} as a plan file writes it: the parent and the owning group by code and name
 * rather than by id, so it moves between databases.
 *
 * @param parent     the parent item's code, or null
 * @param reportTo   every body the item reports to; the item's single {@code reportTo} is the first
 * @param ownerGroup the owning group's name, in the owner e-mail's place, or null
 */
public record ItemShapeDoc(String parent, boolean ongoing, TimesPerYear timesPerYear, List<String> reportTo,
                           String ownerGroup) {
    public static final ItemShapeDoc NONE = new ItemShapeDoc(null, false, null, List.of(), null);

    public ItemShapeDoc {
        reportTo = reportTo == null ? List.of() : reportTo.stream().filter(b -> b != null && !b.isBlank())
                .map(String::strip).toList();
    }

    /** The first body, as the single {@code reportTo} field has always held it. */
    public String firstReportTo() {
        return reportTo.isEmpty() ? null : reportTo.get(0);
    }
}
