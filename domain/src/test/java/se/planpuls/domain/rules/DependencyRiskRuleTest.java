package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.DependencyEdge;
import se.planpuls.domain.DependencyRisk.Reason;
import se.planpuls.domain.DependencyRisk;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.Status;

class DependencyRiskRuleTest {
    static final LocalDate TODAY = LocalDate.of(2024, 3, 1);
    private final DependencyRiskRule rule = new DependencyRiskRule(90);

    static PlanItem item(long id, LocalDate due, Status status) {
        return item(id, due, status, false);
    }

    static PlanItem item(long id, LocalDate due, Status status, boolean atRisk) {
        return new PlanItem(id, 1, "M" + id, "Milestone " + id, due.getYear(), due, false, null, null, status,
                null, status == null ? null : Instant.parse("2024-02-01T10:00:00Z"), atRisk,
                atRisk ? due.plusMonths(3) : null, null, null, null);
    }

    static DependencyEdge dependsOn(long milestone, long prerequisite) {
        return new DependencyEdge(milestone, prerequisite, null);
    }

    @Test
    void an_overdue_prerequisite_puts_its_dependent_at_risk_with_the_chain() {
        var items = List.of(item(1, LocalDate.of(2025, 6, 30), Status.IN_PROGRESS),
                item(2, LocalDate.of(2024, 1, 31), Status.IN_PROGRESS));

        var risks = rule.evaluate(items, List.of(dependsOn(1, 2)), TODAY);

        assertThat(risks).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("M1");
            assertThat(r.chain()).containsExactly("M1", "M2");
            assertThat(r.reason()).isEqualTo(Reason.OVERDUE);
            assertThat(r.prerequisiteDue()).isEqualTo(LocalDate.of(2024, 1, 31));
        });
    }

    @Test
    void trouble_further_upstream_is_found_through_the_whole_chain() {
        var items = List.of(item(1, LocalDate.of(2025, 6, 30), null),
                item(2, LocalDate.of(2025, 1, 31), Status.IN_PROGRESS),
                item(3, LocalDate.of(2024, 12, 31), Status.IN_PROGRESS, true));

        var risks = rule.evaluate(items, List.of(dependsOn(1, 2), dependsOn(2, 3)), TODAY);

        assertThat(risks).extracting(DependencyRisk::chain)
                .containsExactlyInAnyOrder(List.of("M1", "M2", "M3"), List.of("M2", "M3"));
        assertThat(risks).allSatisfy(r -> assertThat(r.reason()).isEqualTo(Reason.AT_RISK));
    }

    @Test
    void a_prerequisite_not_started_counts_only_when_the_dependent_is_due_within_the_horizon() {
        var soon = List.of(item(1, TODAY.plusDays(90), null), item(2, LocalDate.of(2025, 1, 31), Status.NOT_STARTED));
        var later = List.of(item(1, TODAY.plusDays(91), null), item(2, LocalDate.of(2025, 1, 31), Status.NOT_STARTED));
        var neverReported = List.of(item(1, TODAY.plusDays(10), null), item(2, LocalDate.of(2025, 1, 31), null));

        assertThat(rule.evaluate(soon, List.of(dependsOn(1, 2)), TODAY)).extracting(DependencyRisk::reason)
                .containsExactly(Reason.NOT_STARTED);
        assertThat(rule.evaluate(later, List.of(dependsOn(1, 2)), TODAY)).isEmpty();
        assertThat(rule.evaluate(neverReported, List.of(dependsOn(1, 2)), TODAY)).extracting(DependencyRisk::reason)
                .containsExactly(Reason.NOT_STARTED);
    }

    @Test
    void a_reached_prerequisite_shields_what_lies_behind_it_and_reached_milestones_are_not_at_risk() {
        var items = List.of(item(1, LocalDate.of(2025, 6, 30), Status.IN_PROGRESS),
                item(2, LocalDate.of(2024, 1, 31), Status.REACHED),
                item(3, LocalDate.of(2023, 1, 31), Status.IN_PROGRESS),
                item(4, LocalDate.of(2025, 6, 30), Status.REACHED),
                item(5, LocalDate.of(2025, 6, 30), Status.IN_PROGRESS));
        var edges = List.of(dependsOn(1, 2), dependsOn(2, 3), dependsOn(4, 3), dependsOn(5, 3));

        var risks = rule.evaluate(items, edges, TODAY);

        assertThat(risks).extracting(DependencyRisk::code).containsExactly("M5");
    }

    @Test
    void healthy_prerequisites_and_a_diamond_give_one_entry_per_troubled_prerequisite() {
        var items = List.of(item(1, LocalDate.of(2025, 6, 30), Status.IN_PROGRESS),
                item(2, LocalDate.of(2024, 12, 31), Status.IN_PROGRESS),
                item(3, LocalDate.of(2024, 12, 31), Status.IN_PROGRESS),
                item(4, LocalDate.of(2024, 2, 1), Status.IN_PROGRESS));
        var diamond = List.of(dependsOn(1, 2), dependsOn(1, 3), dependsOn(2, 4), dependsOn(3, 4));

        var risks = rule.evaluate(items, diamond, TODAY);

        assertThat(risks).filteredOn(r -> r.code().equals("M1")).singleElement()
                .satisfies(r -> assertThat(r.chain()).hasSize(3).startsWith("M1").endsWith("M4"));
        assertThat(rule.evaluate(items, List.of(dependsOn(1, 2)), TODAY)).isEmpty();
    }
}
