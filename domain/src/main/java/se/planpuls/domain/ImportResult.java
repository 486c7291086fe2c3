package se.planpuls.domain;

import java.util.List;

/** What an import did: the plan's id, whether the plan was new, and each item created or changed. */
public record ImportResult(long planId, boolean planCreated, int created, int updated, int unchanged,
                           List<Change> changes) {

    /** One item's change: {@code action} is {@code created} or {@code updated}, {@code fields} what differed. */
    public record Change(String code, String action, List<String> fields) {
    }
}
