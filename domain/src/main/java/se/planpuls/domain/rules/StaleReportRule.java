package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.Optional;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * A report older than {@code staleAfterDays} on a milestone that is not reached is stale; the plan's
 * reminder policy sets the days ({@code ReminderPolicy.staleAfterDays}).
 */
public record StaleReportRule(int staleAfterDays) {

    public StaleReportRule {
        if (staleAfterDays < 1 || staleAfterDays > 730) {
            throw new IllegalArgumentException("staleAfterDays must be from 1 to 730");
        }
    }

    public Optional<QualityFlag> check(PlanItem item, LocalDate today) {
        if (item.reached() || item.reportedAt() == null) {
            return Optional.empty();
        }
        LocalDate reported = LocalDate.ofInstant(item.reportedAt(), WorkingCalendar.ZONE);
        return reported.isBefore(today.minusDays(staleAfterDays))
                ? Optional.of(QualityFlag.of(item, QualityFlag.Kind.STALE, reported)) : Optional.empty();
    }
}
