package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.Optional;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.Status;

/** Reported not started while the due date is within {@code withinDays} days or already past. */
public record NotStartedNearDueRule(int withinDays) {
    public static final int DEFAULT_DAYS = 90;

    public NotStartedNearDueRule {
        if (withinDays < 0 || withinDays > 730) {
            throw new IllegalArgumentException("withinDays must be from 0 to 730");
        }
    }

    public Optional<QualityFlag> check(PlanItem item, LocalDate today) {
        return item.status() == Status.NOT_STARTED && !item.effectiveDueDate().isAfter(today.plusDays(withinDays))
                ? Optional.of(QualityFlag.of(item, QualityFlag.Kind.NOT_STARTED_NEAR_DUE, item.effectiveDueDate()))
                : Optional.empty();
    }
}
