package se.planpuls.api;

import se.planpuls.api.http.Params;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.Paging;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import se.planpuls.db.AuditService;

/**
 * {@code GET /api/v1/audit?entity=&entityId=&plan=&since=}: who changed what, when, before and
 * after; paged with {@code limit}/{@code offset}. {@code entity} is plan, area, milestone or owner;
 * {@code since} an instant (2026-01-01T00:00:00Z) or a date.
 */
final class AuditController {
    private static final Set<String> ENTITIES = Set.of("plan", "area", "milestone", "owner");
    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    void list(Context ctx) {
        String entity = ctx.queryParam("entity");
        if (entity != null && entity.isBlank()) {
            entity = null;
        }
        if (entity != null && !ENTITIES.contains(entity)) {
            throw new BadRequest("entity", "entity must be one of " + String.join(", ", ENTITIES));
        }
        Instant since = since(ctx.queryParam("since"));
        Paging paging = Paging.of(ctx);
        var page = audit.find(entity, Params.optionalId(ctx, "entityId"), Params.optionalId(ctx, "plan"), since, paging.limit(),
                paging.offset());
        ctx.header("X-Total-Count", String.valueOf(page.total()));
        ctx.json(page.entries().stream().map(Views.AuditJson::of).toList());
    }

    private static Instant since(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(PlanpulsApp.ZONE).toInstant()
                    : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new BadRequest("since", "since must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)");
        }
    }
}
