package se.planpuls.api.plan;

import se.planpuls.domain.PlanSummary;

/** A plan as the list of plans shows it. */
record PlanJson(long id, String slug, String name, String organisation, int periodStart, int periodEnd) {
    static PlanJson of(PlanSummary p) {
        return new PlanJson(p.id(), p.slug(), p.name(), p.organisation(), p.periodStart(), p.periodEnd());
    }
}
