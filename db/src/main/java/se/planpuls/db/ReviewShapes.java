package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.PlanSummary;
import se.planpuls.domain.ReportDue;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * What the review reads of the items' shapes as of its day: report-to bodies, who answered for a
 * group, and the reports of the review's year on count-based items, judged by {@link ReportDue}.
 */
record ReviewShapes(LocalDate planStart, LocalDate judgedOn, boolean yearOver, Map<Long, List<String>> bodies,
                    Map<Long, String> answers, Map<Long, List<Instant>> counted) {

    static ReviewShapes read(Handle handle, PlanSummary plan, int year, LocalDate asOf, Instant before) {
        ReviewShapeDao dao = handle.attach(ReviewShapeDao.class);
        Map<Long, List<String>> bodies = new HashMap<>();
        dao.reportBodies(plan.id()).forEach(b -> bodies.put(b.milestoneId(), b.all()));
        Map<Long, String> answers = new HashMap<>();
        dao.groupAnswers(plan.id(), before).forEach(a -> answers.put(a.milestoneId(), a.reporterName()));
        // A review taken after its year's end counts that year's reports, not the next year's.
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate judgedOn = asOf.isAfter(yearEnd) ? yearEnd : asOf;
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant until = judgedOn.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Map<Long, List<Instant>> counted = new HashMap<>();
        dao.countedReports(plan.id(), from, until)
                .forEach(m -> counted.computeIfAbsent(m.milestoneId(), k -> new ArrayList<>()).add(m.reportedAt()));
        return new ReviewShapes(LocalDate.of(plan.periodStart(), 1, 1), judgedOn, asOf.isAfter(yearEnd), bodies,
                answers, counted);
    }

    boolean inYear(PlanItem item, int year) {
        if (item.kind() == se.planpuls.domain.ItemKind.INDICATOR) {
            // An indicator has no colour: it is in the review's indicator table.
            return false;
        }
        int startYear = item.startsOn() != null ? item.startsOn().getYear() : planStart.getYear();
        if (item.shape().ongoing()) {
            return startYear <= year;
        }
        if (item.shape().timesPerYear() != null) {
            return startYear <= year && year <= item.dueYear();
        }
        return item.dueYear() <= year;
    }

    List<String> reportTo(PlanItem item) {
        return bodies.getOrDefault(item.id(), List.of());
    }

    String answeredBy(PlanItem item) {
        return item.shape().ownerGroupId() == null ? null : answers.get(item.id());
    }

    AnnualReview.Count count(PlanItem item, long planId) {
        var times = item.shape().timesPerYear();
        if (times == null) {
            return null;
        }
        List<Instant> made = counted.getOrDefault(item.id(), List.of());
        if (yearOver) {
            // The review's year has ended: what it called for either came or did not.
            return new AnnualReview.Count(made.size(), times.min(), times.max(),
                    times.closedYear(made.size()) == se.planpuls.domain.TimesPerYear.Pace.LATE
                            ? AnnualReview.Pace.LATE : AnnualReview.Pace.ON_TRACK);
        }
        Clock day = Clock.fixed(judgedOn.atTime(12, 0).atZone(WorkingCalendar.ZONE).toInstant(),
                WorkingCalendar.ZONE);
        var assessment = ReportDue.assess(item.asMilestone(planId), item.reached(), made, planStart, day);
        return new AnnualReview.Count(made.size(), times.min(), times.max(), AnnualReview.Pace.of(assessment.state()));
    }

    /** The items with each deliverable moved right after its parent when both are shown, else in their own place. */
    static List<PlanItem> nested(List<PlanItem> items) {
        Map<Long, List<PlanItem>> children = new LinkedHashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        items.forEach(i -> ids.add(i.id()));
        for (PlanItem item : items) {
            Long parent = item.shape().parentId();
            if (parent != null && ids.contains(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(item);
            }
        }
        List<PlanItem> out = new ArrayList<>();
        for (PlanItem item : items) {
            Long parent = item.shape().parentId();
            if (parent != null && ids.contains(parent)) {
                continue;
            }
            out.add(item);
            out.addAll(children.getOrDefault(item.id(), List.of()));
        }
        return out;
    }
}
