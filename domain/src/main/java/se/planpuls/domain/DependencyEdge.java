package se.planpuls.domain;

/**
 * {@code milestoneId} depends on {@code dependsOnId}: the latter gives the former its preconditions.
 * {@code basis} quotes the plan's sentence that says so, or is null where none was recorded.
 */
public record DependencyEdge(long milestoneId, long dependsOnId, String basis) {
}
