package se.planpuls.domain;

import java.util.List;

/**
 * A parent item's status summarised from its sub-deliverables, each reported on its own. Read
 * top to bottom, the first rule that holds decides:
 * <ol>
 *   <li>every child reached: reached;</li>
 *   <li>any child at risk or overdue: in progress and at risk;</li>
 *   <li>any child reached or in progress: in progress;</li>
 *   <li>any child not started: not started (children not yet reported count as not started
 *       once one child has said so);</li>
 *   <li>no child reported at all: not reported (null status).</li>
 * </ol>
 */
public record ParentStatus(Status status, boolean atRisk, int reached, int children) {

    /** One child as the summary needs it: its latest status (null when unreported), at-risk flag and lateness. */
    public record Child(Status status, boolean atRisk, boolean overdue) {
        public static Child of(PlanItem item, java.time.LocalDate today) {
            return new Child(item.status(), item.reportedAtRisk(), item.overdue(today));
        }
    }

    public static ParentStatus of(List<Child> children) {
        int reached = (int) children.stream().filter(c -> c.status() == Status.REACHED).count();
        int total = children.size();
        if (total == 0) {
            return new ParentStatus(null, false, 0, 0);
        }
        if (reached == total) {
            return new ParentStatus(Status.REACHED, false, reached, total);
        }
        boolean risk = children.stream().anyMatch(c -> c.status() != Status.REACHED && (c.atRisk() || c.overdue()));
        if (risk) {
            return new ParentStatus(Status.IN_PROGRESS, true, reached, total);
        }
        if (reached > 0 || children.stream().anyMatch(c -> c.status() == Status.IN_PROGRESS)) {
            return new ParentStatus(Status.IN_PROGRESS, false, reached, total);
        }
        if (children.stream().anyMatch(c -> c.status() == Status.NOT_STARTED)) {
            return new ParentStatus(Status.NOT_STARTED, false, reached, total);
        }
        return new ParentStatus(null, false, reached, total);
    }
}
