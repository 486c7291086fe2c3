package se.planpuls.api.leadership;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.Params;
import se.planpuls.db.RevisionService;
import se.planpuls.domain.PlanRevision;

/**
 * {@code GET/PUT /api/v1/plans/{id}/revisions}: the revisions of a plan that a board adopted, which
 * the annual review lists beside the plan's own changes. {@code PUT} replaces the list; the list has
 * one version (its ETag), and a {@code PUT} naming an older one in {@code If-Match} is refused (412).
 */
final class RevisionController {
    /** The plan's revisions, each the day it was adopted, the board and what it said. */
    record RevisionsBody(List<RevisionBody> revisions) {
    }

    record RevisionBody(LocalDate adoptedOn, String board, String note) {
    }

    private final RevisionService revisions;

    RevisionController(RevisionService revisions) {
        this.revisions = revisions;
    }

    void list(Context ctx) {
        var list = revisions.revisions(Params.id(ctx, "id"));
        ETags.set(ctx, list.version());
        ctx.json(new RevisionsJson(list.revisions()));
    }

    void replace(Context ctx) {
        long planId = Params.id(ctx, "id");
        RevisionsBody body = ctx.bodyValidator(RevisionsBody.class)
                .check("revisions", b -> b.revisions() != null, "revisions is required (a list, empty to clear it)")
                .get();
        List<PlanRevision> wanted = body.revisions().stream()
                .map(r -> r == null ? null : new PlanRevision(r.adoptedOn(), r.board(), r.note()))
                .toList();
        Integer expected = ETags.expected(ctx, "plan_revisions", planId,
                () -> revisions.revisions(planId).version());
        var saved = revisions.replace(planId, wanted, expected, AdminAuth.actor(ctx));
        ETags.set(ctx, saved.version());
        ctx.json(new RevisionsJson(saved.revisions()));
    }

    record RevisionsJson(List<PlanRevision> revisions) {
    }
}
