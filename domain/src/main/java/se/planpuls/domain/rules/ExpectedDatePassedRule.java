package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.Optional;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.QualityFlag;

/** Reported at risk with an expected date that has passed while the milestone is not reached: a new date is needed. */
public final class ExpectedDatePassedRule {

    public Optional<QualityFlag> check(PlanItem item, LocalDate today) {
        return item.reportedAtRisk() && item.expectedDate() != null && item.expectedDate().isBefore(today)
                ? Optional.of(QualityFlag.of(item, QualityFlag.Kind.EXPECTED_DATE_PASSED, item.expectedDate()))
                : Optional.empty();
    }
}
