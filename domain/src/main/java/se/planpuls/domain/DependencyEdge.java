package se.planpuls.domain;

/** {@code milestoneId} depends on {@code dependsOnId}: the latter gives the former its preconditions. */
public record DependencyEdge(long milestoneId, long dependsOnId) {
}
