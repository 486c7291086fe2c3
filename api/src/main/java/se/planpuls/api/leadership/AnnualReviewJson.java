package se.planpuls.api.leadership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.ReviewNotes;
import se.planpuls.domain.Status;

/**
 * The annual review as JSON: the review's own fields, the region's summary, each area once (målbild
 * and assessment), and each entry with its status colour ({@code green}, {@code yellow}, {@code red},
 * or {@code grey} without a report) and its effects expected and seen, as the page, PDF, workbook and
 * CSV show them.
 */
record AnnualReviewJson(long planId, String planName, String organisation, int year, boolean snapshot,
                        Long snapshotId, Instant takenAt, LocalDate asOf, String summary, List<Area> areas,
                        List<Entry> entries, AnnualReview.Changes changes, List<IndicatorRowJson> indicators) {

    /** An indicator in the review's table: baseline, the last value of each period, target, and whether it is met. */
    record IndicatorRowJson(String groupName, String areaCode, String areaName, String code, String title, String unit,
                            java.math.BigDecimal baseline, LocalDate baselineDate, List<PeriodJson> values,
                            java.math.BigDecimal target, LocalDate targetDate, String direction,
                            java.math.BigDecimal latest, String trend, boolean met) {
        static IndicatorRowJson of(AnnualReview.IndicatorRow row) {
            var p = row.progress();
            var i = p.indicator();
            return new IndicatorRowJson(row.groupName(), row.areaCode(), row.areaName(), row.code(), row.title(),
                    i.unit(), i.baselineValue(), i.baselineDate(), periods(p), i.targetValue(), i.targetDate(),
                    i.direction().apiName(), p.latestValue(), p.trend().apiName(), p.onTarget());
        }
    }

    /** The last value reported in one period of the indicator's frequency. */
    record PeriodJson(String period, LocalDate start, java.math.BigDecimal value) {
    }

    static List<PeriodJson> periods(se.planpuls.domain.IndicatorProgress p) {
        return p.perPeriod().entrySet().stream().map(e -> new PeriodJson(
                se.planpuls.domain.IndicatorProgress.periodLabel(p.frequency(), e.getKey()), e.getKey(), e.getValue()))
                .toList();
    }

    record Area(String groupName, String code, String name, String goalImage, String assessment) {
    }

    /**
     * An entry of the status table. A deliverable names its {@code parent} and follows it; a parent has
     * {@code deliverables} (reached of total, at risk) and its summarised status; an ongoing item keeps
     * its {@code dueYear} but is shown as ongoing; a count-based item has its {@code count} in the year.
     */
    record Entry(String groupName, String areaCode, String areaName, String milestoneCode, String title, int dueYear,
                 boolean dateUncertain, Status status, String colour, String lastComment, Instant reportedAt,
                 List<String> effectsSeen, List<String> effectsExpected, String parent, boolean ongoing,
                 String owner, boolean ownerIsGroup, String answeredBy, List<String> reportTo, CountJson count,
                 DeliverablesJson deliverables) {
        static Entry of(AnnualReview.Entry e, List<AnnualReview.Entry> all) {
            var s = e.shape();
            var d = s.deliverables();
            return new Entry(e.groupName(), e.areaCode(), e.areaName(), e.milestoneCode(), e.title(),
                    e.dueYear(), e.dateUncertain(), e.status(), AnnualReviewJson.colour(e.status()), e.lastComment(),
                    e.reportedAt(), e.effectsSeen(), e.effectsExpected(), s.parentCode(), s.ongoing(), s.ownerName(),
                    s.groupOwner(), s.answeredBy(), s.reportTo(), s.count() == null ? null : new CountJson(
                            s.count().reports(), s.count().min(), s.count().max(), s.count().pace().apiName(),
                            s.count().pace() == AnnualReview.Pace.ON_TRACK),
                    d == null ? null : new DeliverablesJson(d.reached(), d.total(), d.atRisk(), all.stream()
                            .filter(c -> e.milestoneCode().equals(c.shape().parentCode()))
                            .map(AnnualReview.Entry::milestoneCode).toList()));
        }
    }

    /** A count-based item's reports in the review's year against its count; {@code pace}: on_track, behind or late. */
    record CountJson(int reports, int min, Integer max, String pace, boolean onTrack) {
    }

    /** A parent's deliverables: reached of total, whether any is at risk or late, and the codes shown under it. */
    record DeliverablesJson(int reached, int total, boolean atRisk, List<String> codes) {
    }

    /** The notes on their own ({@code GET/PUT .../annual-review/{year}/notes}). */
    record NotesJson(long planId, int year, String summary, Map<String, String> areas, int version) {
        static NotesJson of(long planId, int year, ReviewNotes notes) {
            return new NotesJson(planId, year, notes.summary(), notes.areas(), notes.version());
        }
    }

    static AnnualReviewJson of(AnnualReview review) {
        return new AnnualReviewJson(review.planId(), review.planName(), review.organisation(), review.year(),
                review.snapshot(), review.snapshotId(), review.takenAt(), review.asOf(), review.notes().summary(),
                review.areas().stream()
                        .map(a -> new Area(a.groupName(), a.code(), a.name(), a.goalImage(), a.note())).toList(),
                review.entries().stream().map(e -> Entry.of(e, review.entries())).toList(),
                review.changes(), review.indicators().stream().map(IndicatorRowJson::of).toList());
    }

    static String colour(Status status) {
        return Status.colourOf(status);
    }
}
