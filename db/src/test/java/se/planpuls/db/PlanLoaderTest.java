package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.PlanDetail;

class PlanLoaderTest {

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_default_plan_loads_with_all_groups_areas_and_milestones(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            PlanDetail plan = f.plans.plan(f.planId);

            assertThat(plan.plan().organisation()).isEqualTo("Region Skåne");
            assertThat(plan.plan().name()).isEqualTo(
                    "Förändrings- och genomförandeplan för Framtidens hälsosystem 2022-2025");
            assertThat(plan.groups()).extracting(g -> g.group().name())
                    .containsExactly("Arbetssätt/processer", "Organisation/styrning", "Förutsättningar");
            assertThat(plan.groups().stream().mapToInt(g -> g.areas().size()).sum()).isEqualTo(7);
            var all = plan.groups().stream().flatMap(g -> g.areas().stream())
                    .flatMap(a -> a.milestones().stream()).toList();
            assertThat(all).hasSize(34);
            assertThat(plan.effectGoals()).hasSize(5).contains("Ökad tillgänglighet", "Effektiva processer");
            assertThat(all).filteredOn(v -> v.milestone().dateUncertain())
                    .extracting(v -> v.milestone().title()).containsExactly("SDV infört");
            assertThat(all).extracting(v -> v.milestone().title())
                    .contains("Hälso- och vårdutbudskarta", "Handlingsplan för God och Nära Vård är genomförd");
            assertThat(all).allMatch(v -> v.latestReport().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_default_plan_carries_effects_with_audiences_and_the_dependency_chains(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            MilestoneView map = f.milestone("NIV-3");
            var detail = f.milestones.detail(map.milestone().id());

            assertThat(detail.effects()).isNotEmpty();
            assertThat(detail.effects().get(0).text()).contains("lätt att förstå");
            assertThat(detail.effects().get(0).audiences()).containsExactly("inv");
            assertThat(detail.dependsOn()).containsExactlyInAnyOrder(
                    f.milestone("NIV-1").milestone().id(), f.milestone("NV-1").milestone().id());
            assertThat(f.database.jdbi().withExtension(MilestoneDao.class, (MilestoneDao d) -> (Integer) d.dependencyCount(f.planId)).intValue())
                    .isGreaterThanOrEqualTo(10);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void loading_the_default_plan_twice_loads_it_once(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var again = new PlanLoader(f.database, Clock.systemUTC()).loadDefaultIfMissing();

            assertThat(again).isEmpty();
            assertThat(f.plans.plans()).hasSize(1);
            assertThat(f.milestones.search(new se.planpuls.domain.MilestoneFilter(null, null, null, null)))
                    .hasSize(34);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void instances_starting_together_on_a_new_database_load_the_default_plan_once_and_all_start(TestDatabases.Kind kind)
            throws Exception {
        try (var database = kind.open()) {
            var together = new CountDownLatch(1);
            var instances = Executors.newFixedThreadPool(4);
            List<Future<Optional<Long>>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(instances.submit(() -> {
                    together.await();
                    return new PlanLoader(database, Clock.systemUTC()).loadDefaultIfMissing();
                }));
            }
            together.countDown();
            List<Optional<Long>> loaded = new ArrayList<>();
            for (var start : starts) {
                loaded.add(start.get(60, TimeUnit.SECONDS));
            }
            instances.shutdown();

            assertThat(loaded).filteredOn(Optional::isPresent).hasSize(1);
            assertThat(new PlanService(database).plans()).hasSize(1);
        }
    }
}
