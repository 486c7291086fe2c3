package se.planpuls.domain;

import java.time.LocalDate;
import java.time.Month;

/**
 * An item of a plan: a milestone, an assignment or a recurring commitment ({@link ItemKind}). Its
 * place in time is when it is to have been reached (or reported back): a due date when one is set,
 * else the end of its due year. A recurring commitment runs from {@code startsOn} to that date.
 *
 * @param reportTo  the board an assignment reports back to, or null
 * @param frequency how often a recurring commitment is reported on; null for the other kinds
 * @param startsOn  when a recurring commitment's first period starts; null means its plan's start
 * @param version   increases with every change; the API's ETag
 * @param shape     sub-deliverable, ongoing, count-based frequency, report-to bodies, owning group
 */
public record Milestone(long id, long planId, long areaId, int position, String code, String title,
                        String description, String reachedWhen, int dueYear, LocalDate dueDate,
                        boolean dateUncertain, Long ownerId, ItemKind kind, String reportTo, Frequency frequency,
                        LocalDate startsOn, int version, ItemShape shape) {

    public Milestone {
        kind = kind == null ? ItemKind.MILESTONE : kind;
        shape = shape == null ? ItemShape.NONE : shape;
    }

    /** An item of the plain shape. */
    public Milestone(long id, long planId, long areaId, int position, String code, String title, String description,
                     String reachedWhen, int dueYear, LocalDate dueDate, boolean dateUncertain, Long ownerId,
                     ItemKind kind, String reportTo, Frequency frequency, LocalDate startsOn, int version) {
        this(id, planId, areaId, position, code, title, description, reachedWhen, dueYear, dueDate, dateUncertain,
                ownerId, kind, reportTo, frequency, startsOn, version, ItemShape.NONE);
    }

    /** A plain milestone, as before item kinds existed. */
    public Milestone(long id, long planId, long areaId, int position, String code, String title, String description,
                     String reachedWhen, int dueYear, LocalDate dueDate, boolean dateUncertain, Long ownerId) {
        this(id, planId, areaId, position, code, title, description, reachedWhen, dueYear, dueDate, dateUncertain,
                ownerId, ItemKind.MILESTONE, null, null, null, 1);
    }

    /**
     * Whether the plan states how this item is judged reached. Where it does not, {@code reachedWhen}
     * is empty and the description stands in, shown as the plan's description, not as a criterion.
     */
    public boolean criterionStated() {
        return reachedWhen != null && !reachedWhen.isBlank();
    }

    /** What a reader is shown for how the item is judged reached: its criterion, else its description. */
    public String judgedBy() {
        return criterionStated() ? reachedWhen : description;
    }

    public LocalDate effectiveDueDate() {
        return dueDate != null ? dueDate : LocalDate.of(dueYear, Month.DECEMBER, 31);
    }
}
