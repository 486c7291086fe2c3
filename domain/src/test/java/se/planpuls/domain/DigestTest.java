package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
    private static final LocalDate DUE = LocalDate.parse("2025-12-31");

    private static DependencyRisk risk(String code, DependencyRisk.Reason reason, String... chain) {
        return new DependencyRisk(code, "Titel " + code, DUE, List.of(chain), reason, LocalDate.parse("2022-12-31"),
                null);
    }

    private static Digest digest(List<DependencyRisk> risks) {
        return new Digest(1, "Plan", LocalDate.parse("2026-11-23"), Instant.parse("2026-11-16T07:00:00Z"), List.of(),
                List.of(), List.of(), List.of(), risks, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void the_chains_to_one_milestone_at_risk_become_one_group_with_each_prerequisite_once() {
        var digest = digest(List.of(
                risk("NV-7", DependencyRisk.Reason.OVERDUE, "NV-7", "PCA-5"),
                risk("NIV-3", DependencyRisk.Reason.OVERDUE, "NIV-3", "NV-1"),
                risk("NV-7", DependencyRisk.Reason.OVERDUE, "NV-7", "MED-4", "MED-3"),
                risk("NV-7", DependencyRisk.Reason.AT_RISK, "NV-7", "HFI-2"),
                risk("NV-7", DependencyRisk.Reason.OVERDUE, "NV-7", "NV-5", "MED-3")));

        var groups = digest.dependencyGroups();

        assertThat(groups).extracting(Digest.DependencyGroup::code).containsExactly("NV-7", "NIV-3");
        assertThat(groups.get(0).prerequisites()).extracting(p -> p.code() + " " + p.reason())
                .containsExactly("PCA-5 OVERDUE", "MED-3 OVERDUE", "HFI-2 AT_RISK");
        assertThat(groups.get(0).due()).isEqualTo(DUE);
    }

    @Test
    void no_risks_give_no_groups() {
        assertThat(digest(List.of()).dependencyGroups()).isEmpty();
    }
}
