package se.planpuls.domain.rules;

import java.util.Optional;
import java.util.Set;
import se.planpuls.domain.PlanItem;
import se.planpuls.domain.QualityFlag;
import se.planpuls.domain.Status;

/**
 * A milestone once reported reached whose latest report is in progress or not started again. Owners
 * may do so; leaders are shown it as reopened.
 *
 * @param everReached the ids of the milestones that have a report saying reached in their history
 */
public record ReopenedRule(Set<Long> everReached) {

    public ReopenedRule {
        everReached = Set.copyOf(everReached);
    }

    public Optional<QualityFlag> check(PlanItem item) {
        boolean back = item.status() == Status.IN_PROGRESS || item.status() == Status.NOT_STARTED;
        return back && everReached.contains(item.id())
                ? Optional.of(QualityFlag.of(item, QualityFlag.Kind.REOPENED, null)) : Optional.empty();
    }
}
