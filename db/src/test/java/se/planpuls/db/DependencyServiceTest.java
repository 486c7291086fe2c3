package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;

class DependencyServiceTest {

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_edge_is_added_once_and_removed(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var l = new LeadershipFixture(f);
            var deps = new DependencyService(f.database, f.clock);

            deps.add(l.id("DIG-3"), l.id("DIG-1"), "test");
            deps.add(l.id("DIG-3"), l.id("DIG-1"), "test");

            assertThat(f.milestones.detail(l.id("DIG-3")).dependsOn()).containsExactly(l.id("DIG-1"));
            deps.remove(l.id("DIG-3"), l.id("DIG-1"));
            assertThat(f.milestones.detail(l.id("DIG-3")).dependsOn()).isEmpty();
            assertThatThrownBy(() -> deps.remove(l.id("DIG-3"), l.id("DIG-1"))).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_edge_that_would_close_a_cycle_is_refused_naming_the_cycle(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var l = new LeadershipFixture(f);
            var deps = new DependencyService(f.database, f.clock);
            int before = f.database.jdbi().withExtension(MilestoneDao.class, d -> d.dependencyCount(f.planId));

            // The default plan has MED-3 → MED-2 → MED-1.
            assertThatThrownBy(() -> deps.add(l.id("MED-1"), l.id("MED-3"), "test"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("dependsOnId");
                        assertThat(e.code()).isEqualTo("dependency.cycle");
                        assertThat(e.getMessage()).contains("MED-1 → MED-3 → MED-2 → MED-1");
                    });
            assertThatThrownBy(() -> deps.add(l.id("MED-1"), l.id("MED-1"), "test"))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> deps.add(l.id("MED-1"), 999_999, "test"))
                    .isInstanceOf(InvalidInputException.class);
            int after = f.database.jdbi().withExtension(MilestoneDao.class, d -> d.dependencyCount(f.planId));
            assertThat(after).isEqualTo(before);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("se.planpuls.db.TestDatabases#kinds")
    void adding_and_removing_an_edge_is_audited(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var deps = new DependencyService(f.database, f.clock);
            long dig1 = f.milestone("DIG-1").milestone().id();
            long med1 = f.milestone("MED-1").milestone().id();

            deps.add(dig1, med1, "test");
            deps.remove(dig1, med1);

            var entries = new AuditService(f.database).find("dependency", dig1, null, null, 10, 0).entries();
            org.assertj.core.api.Assertions.assertThat(entries).extracting(e -> e.action())
                    .containsExactly("create", "delete");
            org.assertj.core.api.Assertions.assertThat(entries.get(0).afterJson()).contains("MED-1");
        }
    }
}
