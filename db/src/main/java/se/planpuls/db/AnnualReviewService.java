package se.planpuls.db;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.Area;
import se.planpuls.domain.AreaGroup;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.PlanSummary;

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

    public AnnualReviewService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** The latest snapshot taken for the year, else the review computed from the current state. */
    public AnnualReview review(long planId, int year) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            PlanSummary plan = plan(handle, planId);
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var head = dao.latestReview(planId, year);
            if (head.isEmpty()) {
                return new AnnualReview(planId, plan.name(), year, false, null, clock.instant(),
                        compute(handle, planId, year));
            }
            List<AnnualReview.Entry> entries = dao.reviewItems(head.get().id()).stream()
                    .map(r -> new AnnualReview.Entry(r.groupName(), r.areaCode(), r.areaName(), r.milestoneCode(),
                            r.title(), r.dueYear(), r.dateUncertain(), r.status(), r.lastComment(), r.reportedAt(),
                            r.effectsSeen() == null || r.effectsSeen().isEmpty() ? List.of()
                                    : List.of(r.effectsSeen().split(EFFECT_SEPARATOR))))
                    .toList();
            return new AnnualReview(planId, plan.name(), year, true, head.get().id(), head.get().takenAt(), entries);
        });
    }

    /** Takes the review now and keeps it; later reads of this year return it unchanged. */
    public AnnualReview take(long planId, int year) {
        checkYear(year);
        return jdbi.inTransaction(handle -> {
            PlanSummary plan = plan(handle, planId);
            List<AnnualReview.Entry> entries = compute(handle, planId, year);
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var takenAt = clock.instant();
            long id = dao.insertReview(planId, year, takenAt);
            int position = 0;
            for (AnnualReview.Entry e : entries) {
                dao.insertReviewItem(id, position++, e.groupName(), e.areaCode(), e.areaName(), e.milestoneCode(),
                        e.title(), e.dueYear(), e.dateUncertain(), e.status(), e.lastComment(), e.reportedAt(),
                        String.join(EFFECT_SEPARATOR, e.effectsSeen()));
            }
            return new AnnualReview(planId, plan.name(), year, true, id, takenAt, entries);
        });
    }

    private static List<AnnualReview.Entry> compute(Handle handle, long planId, int year) {
        PlanDao plans = handle.attach(PlanDao.class);
        LeadershipDao dao = handle.attach(LeadershipDao.class);
        Map<Long, String> groupNames = new HashMap<>();
        for (AreaGroup g : plans.groups(planId)) {
            groupNames.put(g.id(), g.name());
        }
        Map<Long, Area> areas = new HashMap<>();
        plans.areas(planId).forEach(a -> areas.put(a.id(), a));
        Map<Long, List<String>> effects = new HashMap<>();
        for (var seen : dao.effectsSeen(planId)) {
            effects.computeIfAbsent(seen.milestoneId(), k -> new ArrayList<>()).add(seen.text());
        }
        List<AnnualReview.Entry> entries = new ArrayList<>();
        for (PlanItem item : dao.items(planId)) {
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
