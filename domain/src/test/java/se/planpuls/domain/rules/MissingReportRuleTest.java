package se.planpuls.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.Status;

class MissingReportRuleTest {
    static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    private static PlanItem item(long id, Status status) {
        return new PlanItem(id, 1, "X-" + id, "X", 2026, null, false, 7L, "Anna", status, null, null, false, null, null, null, null);
    }

    @Test
    void an_escalated_milestone_not_reached_is_missing_and_the_flags_are_read_once_per_digest() {
        var reads = new AtomicInteger();
        var rule = MissingReportRule.escalated(() -> {
            reads.incrementAndGet();
            return List.of(1L, 2L);
        });

        assertThat(rule.missing(item(1, null), NOW)).isTrue();
        assertThat(rule.missing(item(2, Status.REACHED), NOW)).isFalse();
        assertThat(rule.missing(item(3, Status.IN_PROGRESS), NOW)).isFalse();
        assertThat(reads).hasValue(1);
        rule.missing(item(1, null), NOW.plusSeconds(60));
        assertThat(reads).hasValue(2);
    }
}
