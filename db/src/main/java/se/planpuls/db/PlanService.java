package se.planpuls.db;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PlanDetail;
import se.planpuls.domain.PlanDetail.AreaDetail;
import se.planpuls.domain.PlanDetail.GroupDetail;
import se.planpuls.domain.PlanSummary;

/** Reads plans with their structure. */
public final class PlanService {
    private final Jdbi jdbi;

    public PlanService(Database database) {
        this.jdbi = database.jdbi();
    }

    public List<PlanSummary> plans() {
        return jdbi.withExtension(PlanDao.class, PlanDao::plans);
    }

    public PlanDetail plan(long id) {
        return jdbi.inTransaction(handle -> {
            PlanDao plans = handle.attach(PlanDao.class);
            PlanSummary plan = plans.plan(id).orElseThrow(() -> new NotFoundException("plan", id));
            List<MilestoneView> views = handle.attach(MilestoneDao.class).viewsOfPlan(id);
            Map<Long, List<MilestoneView>> byArea = views.stream()
                    .collect(Collectors.groupingBy(v -> v.milestone().areaId()));
            var areas = plans.areas(id);
            var goals = plans.goalsByGroup(id);
            List<GroupDetail> groups = plans.groups(id).stream()
                    .map(group -> new GroupDetail(group, areas.stream()
                            .filter(area -> area.groupId() == group.id())
                            .map(area -> new AreaDetail(area, byArea.getOrDefault(area.id(), List.of())))
                            .toList(),
                            goals.stream().filter(g -> g.groupId() != null && g.groupId() == group.id())
                                    .map(PlanDao.GoalRow::name).toList()))
                    .toList();
            return new PlanDetail(plan, goals.stream().map(PlanDao.GoalRow::name).toList(), groups,
                    MilestoneService.effectsSeen(handle,
                            views.stream().flatMap(v -> v.latestReport().stream()).map(r -> r.id()).toList()),
                    plans.longTermGoal(id));
        });
    }
}
