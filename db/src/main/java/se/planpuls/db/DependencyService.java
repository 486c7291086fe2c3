package se.planpuls.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.DependencyEdge;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.rules.DependencyCycles;

/** Adds and removes dependency edges between milestones of one plan; an edge that would close a cycle is refused. */
public final class DependencyService {
    private final Jdbi jdbi;
    private final java.time.Clock clock;

    public DependencyService(Database database, java.time.Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Makes {@code milestoneId} depend on {@code dependsOnId}; adding an existing edge changes nothing. */
    public void add(long milestoneId, long dependsOnId, String source) {
        add(milestoneId, dependsOnId, source, null);
    }

    /** As {@link #add(long, long, String)}, with the plan's sentence that makes it a precondition. */
    public void add(long milestoneId, long dependsOnId, String source, String basis) {
        jdbi.useTransaction(handle -> {
            MilestoneDao milestones = handle.attach(MilestoneDao.class);
            Milestone milestone = milestones.milestone(milestoneId)
                    .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
            Milestone prerequisite = milestones.milestone(dependsOnId)
                    .orElseThrow(() -> new InvalidInputException("dependsOnId", "milestone.unknown",
                            "no milestone has id " + dependsOnId));
            if (milestoneId == dependsOnId) {
                throw new InvalidInputException("dependsOnId", "dependency.self", "a milestone cannot depend on itself");
            }
            if (milestone.planId() != prerequisite.planId()) {
                throw new InvalidInputException("dependsOnId", "dependency.otherPlan",
                        prerequisite.code() + " belongs to another plan");
            }
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            if (dao.dependencyExists(milestoneId, dependsOnId)) {
                return;
            }
            var loop = DependencyCycles.closedBy(upstream(dao.edges(milestone.planId())), milestoneId, dependsOnId);
            if (loop.isPresent()) {
                List<String> codes = new ArrayList<>();
                for (long id : loop.get()) {
                    codes.add(milestones.milestone(id).orElseThrow().code());
                }
                throw new InvalidInputException("dependsOnId", "dependency.cycle",
                        milestone.code() + " cannot depend on " + prerequisite.code() + ": that would make a cycle "
                                + DependencyCycles.describe(codes));
            }
            milestones.insertDependency(milestoneId, dependsOnId, source, basis);
            AuditLog.record(handle, clock, se.planpuls.domain.Actor.api("admin"), "create", "dependency", milestoneId,
                    milestone.planId(), null, null, java.util.Map.of("milestone", milestone.code(),
                            "dependsOn", prerequisite.code()));
        });
    }

    /** Every edge between milestones of the plan. */
    public List<DependencyEdge> edges(long planId) {
        return jdbi.withExtension(LeadershipDao.class, dao -> dao.edges(planId));
    }

    public void remove(long milestoneId, long dependsOnId) {
        jdbi.useTransaction(handle -> {
            if (handle.attach(LeadershipDao.class).deleteDependency(milestoneId, dependsOnId) == 0) {
                throw new NotFoundException("dependency", milestoneId + " → " + dependsOnId);
            }
            Long planId = handle.attach(MilestoneDao.class).milestone(milestoneId).map(Milestone::planId).orElse(null);
            AuditLog.record(handle, clock, se.planpuls.domain.Actor.api("admin"), "delete", "dependency", milestoneId,
                    planId, null, java.util.Map.of("milestoneId", milestoneId, "dependsOnId", dependsOnId), null);
        });
    }

    /** Each milestone and those it depends on. */
    private static Map<Long, List<Long>> upstream(List<DependencyEdge> edges) {
        Map<Long, List<Long>> upstream = new HashMap<>();
        for (DependencyEdge e : edges) {
            upstream.computeIfAbsent(e.milestoneId(), k -> new ArrayList<>()).add(e.dependsOnId());
        }
        return upstream;
    }
}
