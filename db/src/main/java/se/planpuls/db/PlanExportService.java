package se.planpuls.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.PlanDocument;

/** Reads a plan as a {@link PlanDocument}: what {@link PlanImportService} takes, so export then import round-trips. */
public final class PlanExportService {
    private final Jdbi jdbi;

    public PlanExportService(Database database) {
        this.jdbi = database.jdbi();
    }

    public PlanDocument export(long planId) {
        return jdbi.inTransaction(handle -> {
            PlanDao plans = handle.attach(PlanDao.class);
            MilestoneDao items = handle.attach(MilestoneDao.class);
            OwnerDao owners = handle.attach(OwnerDao.class);
            var plan = plans.plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
            var views = items.viewsOfPlan(planId);
            var codes = new java.util.HashMap<Long, String>();
            views.forEach(v -> codes.put(v.milestone().id(), v.milestone().code()));
            var areas = plans.areas(planId);
            List<PlanDocument.Group> groups = new ArrayList<>();
            for (var group : plans.groups(planId)) {
                List<PlanDocument.Area> groupAreas = new ArrayList<>();
                for (var area : areas) {
                    if (area.groupId() != group.id()) {
                        continue;
                    }
                    List<PlanDocument.Item> areaItems = new ArrayList<>();
                    for (var view : views) {
                        Milestone m = view.milestone();
                        if (m.areaId() != area.id()) {
                            continue;
                        }
                        var owner = m.ownerId() == null ? null : owners.byId(m.ownerId()).orElse(null);
                        var effects = MilestoneService.effects(items, m.id()).stream()
                                .map(e -> new PlanDocument.EffectDoc(e.text(), e.audiences())).toList();
                        areaItems.add(new PlanDocument.Item(null, m.code(), m.kind(), m.title(), m.description(),
                                m.criterionStated() ? m.reachedWhen() : null,
                                ongoingDueYear(m, plan.periodEnd()), m.dueDate(), m.dateUncertain(), m.reportTo(), m.frequency(), m.startsOn(),
                                owner == null ? null : owner.email(), owner == null ? null : owner.name(), effects,
                                shapeDoc(handle, m, codes, plan.periodEnd()),
                                IndicatorService.definition(handle, m.id()).orElse(null)));
                    }
                    groupAreas.add(new PlanDocument.Area(null, area.code(), area.name(), area.goalImage(), areaItems));
                }
                groups.add(new PlanDocument.Group(null, group.name(), groupAreas));
            }
            var dependencies = items.dependenciesOfPlan(planId).stream()
                    .map(d -> new PlanDocument.Dependency(null, d.milestone(), d.dependsOn(), d.source(), d.basis())).toList();
            return new PlanDocument(plan.slug(), plan.name(), plan.organisation(), plan.periodStart(), plan.periodEnd(),
                    plans.effectGoals(planId), groups, dependencies);
        });
    }

    /** An ongoing item placed at the end of the plan's period has no due year of its own in the file. */
    private static Integer ongoingDueYear(Milestone m, int periodEnd) {
        return m.shape().ongoing() && m.dueDate() == null && m.dueYear() == periodEnd ? null : m.dueYear();
    }

    private static ItemShapeDoc shapeDoc(org.jdbi.v3.core.Handle handle, Milestone m, java.util.Map<Long, String> codes,
                                         int periodEnd) {
        ItemShape shape = m.shape();
        return new ItemShapeDoc(shape.parentId() == null ? null : codes.get(shape.parentId()), shape.ongoing(),
                shape.timesPerYear(), shape.reportTo(), OwnerGroupService.groupName(handle, shape.ownerGroupId()));
    }
}
