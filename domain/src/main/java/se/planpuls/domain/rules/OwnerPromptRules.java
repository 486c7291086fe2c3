package se.planpuls.domain.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.QualityFlag;

/**
 * The report-quality checks an owner hears about in their next prompt, so the report leaders read
 * can be put right where it is made: a stale report, an expected date that has passed (a new date is
 * needed), and "not started" near or past the due date. A reopened milestone is the owner's own
 * choice and is shown to leaders only.
 */
public record OwnerPromptRules(int staleAfterDays) {

    public OwnerPromptRules {
        new StaleReportRule(staleAfterDays);
    }

    /** The flags on one milestone as it stands, in the order the owner should deal with them. */
    public List<QualityFlag> check(MilestoneView view, LocalDate today) {
        PlanItem item = PlanItem.of(view);
        List<QualityFlag> flags = new ArrayList<>();
        new ExpectedDatePassedRule().check(item, today).ifPresent(flags::add);
        new NotStartedNearDueRule(NotStartedNearDueRule.DEFAULT_DAYS).check(item, today).ifPresent(flags::add);
        new StaleReportRule(staleAfterDays).check(item, today).ifPresent(flags::add);
        return flags;
    }
}
