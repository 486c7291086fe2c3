package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual review (årlig uppföljning) of a plan for a year: per area, the milestones of each
 * year up to it with their status colour, last comment, the short-term effects the plan expects
 * and those reported as seen, each as it stood at the end of {@code asOf} (the review date unless
 * asked otherwise); beside them the region's own words ({@link ReviewNotes}) and each area's
 * målbild. Either computed from the append-only history ({@code snapshot} false) or read back as it
 * was taken.
 */
public record AnnualReview(long planId, String planName, String organisation, int year, boolean snapshot, Long snapshotId,
                           Instant takenAt, LocalDate asOf, ReviewNotes notes, List<AreaPart> areas,
                           List<Entry> entries, Changes changes, List<IndicatorRow> indicators) {

    public AnnualReview {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public AnnualReview(long planId, String planName, String organisation, int year, boolean snapshot, Long snapshotId,
                        Instant takenAt, LocalDate asOf, ReviewNotes notes, List<AreaPart> areas, List<Entry> entries,
                        Changes changes) {
        this(planId, planName, organisation, year, snapshot, snapshotId, takenAt, asOf, notes, areas, entries, changes,
                List.of());
    }

    /** The same review with this indicator table. */
    public AnnualReview withIndicators(List<IndicatorRow> rows) {
        return new AnnualReview(planId, planName, organisation, year, snapshot, snapshotId, takenAt, asOf, notes, areas,
                entries, changes, rows);
    }

    /**
     * One indicator in the review's table: its baseline, its values per period up to the review's day
     * (the last of each period), its target and whether the latest value meets it.
     */
    public record IndicatorRow(long itemId, String groupName, String areaCode, String areaName, String code,
                               String title, IndicatorProgress progress) {
    }

    /** The indicators of one area, in the plan's order. */
    public List<IndicatorRow> indicatorsOf(String areaCode) {
        return indicators.stream().filter(i -> i.areaCode().equals(areaCode)).toList();
    }

    /**
     * The plan's own history between the review before and this one ({@code from} exclusive,
     * {@code to} inclusive, both review days): its items added, removed or moved, and the revisions
     * a board adopted.
     */
    public record Changes(LocalDate from, LocalDate to, List<Change> items, List<PlanRevision> revisions) {
        public static final Changes NONE = new Changes(null, null, List.of(), List.of());
    }

    /** {@code kind}: added, removed or moved; {@code before} and {@code after} the due dates of a move. */
    public record Change(String kind, String code, String title, String before, String after, String reason,
                         Instant at) {
    }

    /** A priority area as the review shows it once: its målbild and the region's assessment of it. */
    public record AreaPart(String groupName, String code, String name, String goalImage, String note) {
    }

    /**
     * One item of the status table. A parent's {@code status} is the one summarised from its
     * deliverables ({@link ParentStatus}); its deliverables follow it in the review's order.
     */
    public record Entry(String groupName, String areaCode, String areaName, String milestoneCode, String title,
                        int dueYear, boolean dateUncertain, Status status, String lastComment, Instant reportedAt,
                        List<String> effectsSeen, List<String> effectsExpected, EntryShape shape) {
        public Entry {
            shape = shape == null ? EntryShape.NONE : shape;
        }

        /** An item of the plain shape. */
        public Entry(String groupName, String areaCode, String areaName, String milestoneCode, String title,
                     int dueYear, boolean dateUncertain, Status status, String lastComment, Instant reportedAt,
                     List<String> effectsSeen, List<String> effectsExpected) {
            this(groupName, areaCode, areaName, milestoneCode, title, dueYear, dateUncertain, status, lastComment,
                    reportedAt, effectsSeen, effectsExpected, EntryShape.NONE);
        }

        /** A sub-deliverable of the entry with this code. */
        public boolean deliverable() {
            return shape.parentCode() != null;
        }
    }

    /**
     * What an entry is beyond a dated item, as the review shows it.
     *
     * @param parentCode   the code of the item this one is a deliverable of, or null
     * @param ongoing      shown as ongoing in place of a due year, never late
     * @param ownerName    the owner's name, a person's or a group's; null when nobody owns it
     * @param groupOwner   the owner is a group
     * @param answeredBy   for a group's item, the member who made the latest report; else null
     * @param reportTo     every body the item reports to
     * @param count        for a count-based item, the reports of the review's year against its count; else null
     * @param deliverables for a parent, how its deliverables stand; else null
     */
    public record EntryShape(String parentCode, boolean ongoing, String ownerName, boolean groupOwner,
                             String answeredBy, List<String> reportTo, Count count, Deliverables deliverables) {
        public static final EntryShape NONE = new EntryShape(null, false, null, false, null, List.of(), null, null);

        public EntryShape {
            reportTo = reportTo == null ? List.of() : List.copyOf(reportTo);
        }
    }

    /**
     * A count-based item's reports in the review's year (up to its day) against at least {@code min}
     * and at most {@code max}; {@code pace} as {@link ReportDue} judges the item on that day.
     */
    public record Count(int reports, int min, Integer max, Pace pace) {
    }

    /** How a count-based item stands: on track, one report short (a reminder is due), or late. */
    public enum Pace {
        ON_TRACK, BEHIND, LATE;

        /** The pace of {@link ReportDue}'s state: due is behind, late is late, anything else on track. */
        public static Pace of(ReportDue.State state) {
            return switch (state) {
                case DUE -> BEHIND;
                case LATE -> LATE;
                default -> ON_TRACK;
            };
        }

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A parent's deliverables: how many are reached of how many, and whether any is at risk or late. */
    public record Deliverables(int reached, int total, boolean atRisk) {
    }

    /** A report made in the period the review covers, for the workbook's sheet of reports. */
    public record Report(String areaCode, String milestoneCode, String title, Status status, String comment,
                         String reporterName, Instant reportedAt) {
    }

    /** The entries of one area, in the review's order. */
    public List<Entry> entriesOf(String areaCode) {
        return entries.stream().filter(e -> e.areaCode().equals(areaCode)).toList();
    }
}
