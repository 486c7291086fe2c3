package se.planpuls.api;

import se.planpuls.api.http.Params;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.Paging;
import io.javalin.http.Context;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.MilestoneFilter;

/** Milestones and other items: search (filtered, paged) and read with history; changes are in {@link ItemController}. */
final class MilestoneController {
    private final MilestoneService milestones;

    MilestoneController(MilestoneService milestones) {
        this.milestones = milestones;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 200) {
            throw new BadRequest("q", "q must be at most 200 characters");
        }
        var filter = new MilestoneFilter(q, ctx.queryParam("area"), Params.optionalId(ctx, "owner"), ctx.queryParam("status"));
        String rawKind = ctx.queryParam("kind");
        ItemKind kind = rawKind == null || rawKind.isBlank() ? null : ItemKind.parse(rawKind)
                .orElseThrow(() -> new BadRequest("kind", "kind must be milestone, assignment or recurring"));
        Long plan = Params.optionalId(ctx, "plan");
        Paging paging = Paging.of(ctx);
        var found = milestones.search(filter).stream()
                .filter(v -> kind == null || v.milestone().kind() == kind)
                .filter(v -> plan == null || v.milestone().planId() == plan)
                .toList();
        ctx.json(paging.apply(ctx, found).stream().map(Views.MilestoneJson::of).toList());
    }

    void get(Context ctx) {
        var detail = milestones.detail(Params.id(ctx, "id"));
        ETags.set(ctx, detail.view().milestone().version());
        ctx.json(Views.MilestoneDetailJson.of(detail));
    }
}
