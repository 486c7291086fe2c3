package se.planpuls.domain;

public record PlanSummary(long id, String slug, String name, String organisation, int periodStart, int periodEnd) {
}
