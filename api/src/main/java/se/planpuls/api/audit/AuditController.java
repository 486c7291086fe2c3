package se.planpuls.api.audit;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import se.planpuls.api.http.Paging;
import se.planpuls.api.http.Params;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.AuditService;

/**
 * {@code GET /api/v1/audit?entity=&entityId=&plan=&since=}: who changed what, when, before and
 * after; paged with {@code limit}/{@code offset}. {@code entity} is plan, area, milestone, owner or owner_group;
 * {@code since} an instant (2026-01-01T00:00:00Z) or a date, taken as the start of that day in the region.
 */
final class AuditController {
    private static final List<String> ENTITIES = List.of("plan", "area", "milestone", "owner", "annual_review_notes",
            "owner_group");
    private static final String SINCE = "since must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)";

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    void list(Context ctx) {
        String entity = ctx.queryParamAsClass("entity", String.class).allowNullable()
                .check(e -> e == null || e.isBlank() || ENTITIES.contains(e),
                        "entity must be one of " + String.join(", ", ENTITIES)).get();
        String since = ctx.queryParamAsClass("since", String.class).allowNullable()
                .check(s -> s == null || s.isBlank() || since(s).isPresent(), SINCE).get();
        Paging paging = Paging.of(ctx);
        var page = audit.find(entity == null || entity.isBlank() ? null : entity, Params.optionalId(ctx, "entityId"),
                Params.optionalId(ctx, "plan"), since == null ? null : since(since).orElse(null), paging.limit(),
                paging.offset());
        Paging.total(ctx, page.total());
        ctx.json(page.entries().stream().map(AuditJson::of).toList());
    }

    private static Optional<Instant> since(String raw) {
        try {
            return Optional.of(raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(WorkingCalendar.ZONE).toInstant()
                    : Instant.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
