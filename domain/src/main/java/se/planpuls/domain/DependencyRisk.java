package se.planpuls.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone at risk through its dependencies: an upstream prerequisite is in trouble.
 *
 * @param chain milestone codes from the milestone at risk up to the prerequisite in trouble,
 *              e.g. [NIV-3, NV-1] when NIV-3 depends on NV-1
 */
public record DependencyRisk(String code, String title, LocalDate due, List<String> chain, Reason reason,
                             LocalDate prerequisiteDue, LocalDate prerequisiteExpected) {

    public enum Reason {
        /** The prerequisite is past its due date and not reached. */
        OVERDUE,
        /** The prerequisite's owner reported it at risk. */
        AT_RISK,
        /** The prerequisite has not started and this milestone is due soon. */
        NOT_STARTED
    }

    public String prerequisite() {
        return chain.get(chain.size() - 1);
    }
}
