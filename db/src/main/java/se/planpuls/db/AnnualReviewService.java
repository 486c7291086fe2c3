package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.Area;
import se.planpuls.domain.AreaGroup;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.PlanSummary;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.ReminderPolicy;

/**
 * The annual review (årlig uppföljning) as {@code 003_*.txt} shows it: per area, the milestones
 * due in each year up to the review year, with status colour, last comment and effects seen.
 * A review can be taken (kept as a snapshot) and is then read back as it was, even after
 * milestones move or new reports arrive.
 */
public final class AnnualReviewService {
    static final String EFFECT_SEPARATOR = "\n";

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingCalendar calendar;

    public AnnualReviewService(Database database, Clock clock, WorkingCalendar calendar) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The latest snapshot taken for the year, else the review as of the year's review date. */
    public AnnualReview review(long planId, int year) {
        return review(planId, year, null);
    }

    /**
     * The review of a year as of the end of {@code asOf} (Stockholm), computed from the append-only
     * history; without {@code asOf}, the year's snapshot when one was taken, else the review as of
     * its review date. A date still ahead stands for today: the history holds nothing later.
     */
    public AnnualReview review(long planId, int year, LocalDate asOf) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            PlanSummary plan = plan(handle, planId);
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var head = asOf == null ? dao.latestReview(planId, year) : Optional.<LeadershipDao.ReviewHead>empty();
            if (head.isEmpty()) {
                LocalDate day = notAfterToday(asOf == null ? reviewDate(handle, planId, year) : asOf);
                return new AnnualReview(planId, plan.name(), year, false, null, clock.instant(), day,
                        compute(handle, planId, year, day));
            }
            List<AnnualReview.Entry> entries = dao.reviewItems(head.get().id()).stream()
                    .map(r -> new AnnualReview.Entry(r.groupName(), r.areaCode(), r.areaName(), r.milestoneCode(),
                            r.title(), r.dueYear(), r.dateUncertain(), r.status(), r.lastComment(), r.reportedAt(),
                            r.effectsSeen() == null || r.effectsSeen().isEmpty() ? List.of()
                                    : List.of(r.effectsSeen().split(EFFECT_SEPARATOR))))
                    .toList();
            LocalDate takenAsOf = head.get().asOf() != null ? head.get().asOf()
                    : head.get().takenAt().atZone(WorkingCalendar.ZONE).toLocalDate();
            return new AnnualReview(planId, plan.name(), year, true, head.get().id(), head.get().takenAt(),
                    takenAsOf, entries);
        });
    }

    /**
     * Takes the review as of its review date (or today, when that is still ahead) and keeps it;
     * later reads of this year return it unchanged.
     */
    public AnnualReview take(long planId, int year) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            PlanSummary plan = plan(handle, planId);
            LocalDate asOf = notAfterToday(reviewDate(handle, planId, year));
            List<AnnualReview.Entry> entries = compute(handle, planId, year, asOf);
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var takenAt = clock.instant();
            long id = dao.insertReview(planId, year, takenAt, asOf);
            int position = 0;
            for (AnnualReview.Entry e : entries) {
                dao.insertReviewItem(id, position++, e.groupName(), e.areaCode(), e.areaName(), e.milestoneCode(),
                        e.title(), e.dueYear(), e.dateUncertain(), e.status(), e.lastComment(), e.reportedAt(),
                        String.join(EFFECT_SEPARATOR, e.effectsSeen()));
            }
            return new AnnualReview(planId, plan.name(), year, true, id, takenAt, asOf, entries);
        });
    }

    private LocalDate reviewDate(Handle handle, long planId, int year) {
        ReminderPolicy policy = handle.attach(ReminderDao.class).policyJson(planId)
                .map(ReminderPolicyJson::fromJson).orElse(ReminderPolicy.DEFAULT);
        return policy.reviewDateOf(year, calendar);
    }

    private LocalDate notAfterToday(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        return day.isAfter(today) ? today : day;
    }

    private static List<AnnualReview.Entry> compute(Handle handle, long planId, int year, LocalDate asOf) {
        Instant before = asOf.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        PlanDao plans = handle.attach(PlanDao.class);
        LeadershipDao dao = handle.attach(LeadershipDao.class);
        Map<Long, String> groupNames = new HashMap<>();
        for (AreaGroup g : plans.groups(planId)) {
            groupNames.put(g.id(), g.name());
        }
        Map<Long, Area> areas = new HashMap<>();
        plans.areas(planId).forEach(a -> areas.put(a.id(), a));
        Map<Long, List<String>> effects = new HashMap<>();
        for (var seen : dao.effectsSeenBefore(planId, before)) {
            effects.computeIfAbsent(seen.milestoneId(), k -> new ArrayList<>()).add(seen.text());
        }
        List<AnnualReview.Entry> entries = new ArrayList<>();
        for (PlanItem item : dao.itemsBefore(planId, before)) {
            if (item.dueYear() > year) {
                continue;
            }
            Area area = areas.get(item.areaId());
            entries.add(new AnnualReview.Entry(groupNames.get(area.groupId()), area.code(), area.name(), item.code(),
                    item.title(), item.dueYear(), item.dateUncertain(), item.status(), item.comment(),
                    item.reportedAt(), List.copyOf(effects.getOrDefault(item.id(), List.of()))));
        }
        return entries;
    }

    private static PlanSummary plan(Handle handle, long planId) {
        return handle.attach(PlanDao.class).plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "year.range", "year must be between 2000 and 2100");
        }
    }
}
