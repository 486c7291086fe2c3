package se.planpuls.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a plan from its JSON data file, in one transaction, unless a plan with the same slug is
 * already there: loading is done on first start and never twice.
 */
public final class PlanLoader {
    public static final String DEFAULT_PLAN = "/plans/skane-fhs-2022-2025.json";
    private static final Logger LOG = LoggerFactory.getLogger(PlanLoader.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public PlanLoader(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Loads the default plan if it is missing; returns the id of the plan it loaded, if any. */
    public Optional<Long> loadDefaultIfMissing() {
        try (InputStream in = PlanLoader.class.getResourceAsStream(DEFAULT_PLAN)) {
            if (in == null) {
                throw new IllegalStateException("the default plan " + DEFAULT_PLAN + " is missing from the build");
            }
            return loadIfMissing(mapper.readValue(in, PlanFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the default plan " + DEFAULT_PLAN, e);
        }
    }

    Optional<Long> loadIfMissing(PlanFile file) {
        try {
            return insertIfMissing(file);
        } catch (RuntimeException e) {
            // Instances starting together on a new database each find the plan missing; the first to
            // commit loads it, and the others leave it to that one instead of failing their start.
            if (Conflicts.heldElsewhere(e) && jdbi.withHandle(h -> h.attach(PlanDao.class).exists(file.slug()))) {
                LOG.info("Plan '{}' was loaded by another instance meanwhile", file.name());
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<Long> insertIfMissing(PlanFile file) {
        return jdbi.inTransaction(handle -> {
            PlanDao plans = handle.attach(PlanDao.class);
            if (plans.exists(file.slug())) {
                return Optional.<Long>empty();
            }
            MilestoneDao milestones = handle.attach(MilestoneDao.class);
            long planId = plans.insertPlan(file.slug(), file.name(), file.organisation(), file.periodStart(),
                    file.periodEnd(), clock.instant());
            plans.setLongTermGoal(planId, file.longTermGoal());
            for (int i = 0; i < file.effectGoals().size(); i++) {
                plans.insertEffectGoal(planId, i + 1, file.effectGoals().get(i));
            }
            Map<String, Long> idByCode = new HashMap<>();
            int groupPosition = 0;
            int areaPosition = 0;
            for (GroupFile group : file.groups()) {
                long groupId = plans.insertGroup(planId, ++groupPosition, group.name());
                for (String goal : group.effectGoals() == null ? List.<String>of() : group.effectGoals()) {
                    if (plans.linkEffectGoal(planId, goal, groupId) != 1) {
                        throw new IllegalStateException("group " + group.name() + " names the effect goal " + goal
                                + ", which is not among the plan's effect goals");
                    }
                }
                for (AreaFile area : group.areas()) {
                    long areaId = plans.insertArea(planId, groupId, ++areaPosition, area.code(), area.name(),
                            area.goalImage());
                    int position = 0;
                    for (MilestoneFile m : area.milestones()) {
                        // Without a criterion of its own the description stands, shown as the plan's description.
                        String reachedWhen = m.reachedWhen() != null ? m.reachedWhen() : "";
                        long id = milestones.insert(planId, areaId, ++position, m.code(), m.title(), m.description(),
                                reachedWhen, m.dueYear(), m.dueDate(), m.dateUncertain());
                        idByCode.put(m.code(), id);
                        int effectPosition = 0;
                        for (EffectFile effect : m.effects()) {
                            long effectId = milestones.insertEffect(id, ++effectPosition, effect.text());
                            for (String audience : effect.audiences()) {
                                milestones.insertAudience(effectId, audience);
                            }
                        }
                    }
                }
            }
            for (DependencyFile d : file.dependencies()) {
                Long from = idByCode.get(d.milestone());
                Long to = idByCode.get(d.dependsOn());
                if (from == null || to == null) {
                    throw new IllegalStateException("dependency " + d.milestone() + " -> " + d.dependsOn()
                            + " names a milestone that is not in the plan");
                }
                milestones.insertDependency(from, to, d.source(), d.basis());
            }
            LOG.info("Loaded plan '{}' ({} milestones, {} dependencies)", file.name(), idByCode.size(),
                    file.dependencies().size());
            return Optional.of(planId);
        });
    }

    /** {@code longTermGoal}: the goal over the whole map, as Figur 1's last column; null when none. */
    record PlanFile(String slug, String name, String organisation, int periodStart, int periodEnd,
                    String longTermGoal, List<String> effectGoals, List<GroupFile> groups,
                    List<DependencyFile> dependencies) {
    }

    /** {@code effectGoals}: which of the plan's effect goals stand beside this group; null when none. */
    record GroupFile(String name, List<String> effectGoals, List<AreaFile> areas) {
    }

    record AreaFile(String code, String name, String goalImage, List<MilestoneFile> milestones) {
    }

    record MilestoneFile(String code, String title, String description, String reachedWhen, int dueYear,
                         LocalDate dueDate, boolean dateUncertain, List<EffectFile> effects) {
    }

    record EffectFile(String text, List<String> audiences) {
    }

    record DependencyFile(String milestone, String dependsOn, String source, String basis) {
    }
}
