package se.planpuls.domain;

import java.util.List;

/** A plan file that cannot be imported; every problem names where (row or JSON path) and the field. */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ImportException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the plan file; nothing was imported. First: "
                + problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** {@code field} reads like {@code row 4.due} (CSV) or {@code groups[0].areas[1].milestones[2].title} (JSON). */
    public record Problem(String field, String message) {
    }
}
