package se.planpuls.api.milestone;

import io.javalin.http.Context;
import java.time.LocalDate;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.Paging;
import se.planpuls.api.http.Params;
import se.planpuls.api.http.Route;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorDirection;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.MilestoneFilter;

/**
 * Items (milestones, assignments, recurring commitments, indicators): search (filtered, paged), read with their
 * history, create, update (a moved due date keeps its {@code reason} in the history), reassign and
 * soft delete, with {@code ETag}/{@code If-Match}.
 */
final class ItemController {
    /** An item's fields as the API takes them: all of them to create one, any but {@code planId} to change one. */
    record ItemBody(Long planId, String areaCode, String code, String kind, String title, String description,
                    String reachedWhen, Integer dueYear, LocalDate dueDate, Boolean dateUncertain, String reportTo,
                    String frequency, LocalDate startsOn, Long ownerId, String reason, IndicatorBody indicator) {
    }

    /**
     * An indicator's definition; on a change it replaces the whole definition. The direction is read as
     * text (the Swedish words too) and described by its API words.
     */
    record IndicatorBody(String unit, java.math.BigDecimal baseline, LocalDate baselineDate,
                         java.math.BigDecimal target, LocalDate targetDate, IndicatorDirection direction) {
    }

    static final Route.Body INDICATOR = Route.Body.of(IndicatorBody.class);

    static final Route.Body NEW = Route.Body.of(ItemBody.class);
    static final Route.Body CHANGE = NEW.without("planId");
    private static final String KINDS = "kind must be milestone, assignment, recurring or indicator";
    private static final String REASON = "reason is at most 2000 characters";

    private final MilestoneService milestones;
    private final IndicatorService indicators;

    ItemController(MilestoneService milestones, IndicatorService indicators) {
        this.milestones = milestones;
        this.indicators = indicators;
    }

    void search(Context ctx) {
        String q = ctx.queryParamAsClass("q", String.class).allowNullable()
                .check(v -> v == null || v.length() <= 200, "q must be at most 200 characters").get();
        var filter = new MilestoneFilter(q, ctx.queryParam("area"), Params.optionalId(ctx, "owner"),
                ctx.queryParam("status"));
        String rawKind = ctx.queryParamAsClass("kind", String.class).allowNullable()
                .check(k -> k == null || k.isBlank() || ItemKind.parse(k).isPresent(), KINDS).get();
        ItemKind kind = rawKind == null || rawKind.isBlank() ? null : ItemKind.parse(rawKind).orElseThrow();
        Long plan = Params.optionalId(ctx, "plan");
        Paging paging = Paging.of(ctx);
        var found = milestones.search(filter).stream()
                .filter(v -> kind == null || v.milestone().kind() == kind)
                .filter(v -> plan == null || v.milestone().planId() == plan)
                .toList();
        var page = paging.apply(ctx, found);
        var seen = milestones.effectsSeenOfLatest(page);
        ctx.json(page.stream().map(v -> MilestoneJson.of(v, seen, indicators.progress(v.milestone()).orElse(null)))
                .toList());
    }

    void get(Context ctx) {
        var item = MilestoneDetailJson.read(milestones, indicators, Params.id(ctx, "id"));
        ETags.set(ctx, item.milestone().version());
        ctx.json(item);
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, NEW);
        Long planId = body.positiveLong("planId");
        if (planId == null) {
            throw new BadRequest("planId", "planId is required");
        }
        body.requiredString("code");
        body.requiredString("title");
        body.requiredString("areaCode");
        var created = milestones.create(planId, input(body), indicator(body), AdminAuth.actor(ctx));
        ctx.status(201);
        ctx.header("Location", "/api/v1/milestones/" + created.id());
        ETags.set(ctx, created.version());
        ctx.json(MilestoneDetailJson.read(milestones, indicators, created.id()));
    }

    /** Any of the item's fields; {@code ownerId: null} clears the owner, {@code reason} says why. */
    void patch(Context ctx) {
        long id = Params.id(ctx, "id");
        JsonBody body = JsonBody.parse(ctx, CHANGE);
        if (CHANGE.fields().stream().noneMatch(body::has)) {
            throw new BadRequest("body", "send at least one of " + String.join(", ", CHANGE.fields()));
        }
        for (String field : new String[] {"dueDate", "dueYear", "title", "kind", "code", "areaCode"}) {
            if (body.isNull(field)) {
                throw new BadRequest(field, field + " cannot be cleared");
            }
        }
        Integer expected = ETags.expected(ctx, "milestone", id, () -> milestones.detail(id).view().milestone().version());
        var updated = milestones.update(id, input(body), indicator(body), expected, AdminAuth.actor(ctx));
        ETags.set(ctx, updated.version());
        ctx.json(MilestoneDetailJson.read(milestones, indicators, id));
    }

    void delete(Context ctx) {
        long id = Params.id(ctx, "id");
        String reason = ctx.queryParamAsClass("reason", String.class).allowNullable()
                .check(r -> r == null || r.length() <= 2000, REASON).get();
        milestones.delete(id, ETags.expected(ctx, "milestone", id, () -> milestones.detail(id).view().milestone().version()), reason, AdminAuth.actor(ctx));
        ctx.status(204);
    }

    /** The body's indicator, every field named when wrong; null when the body has none. */
    private static Indicator indicator(JsonBody body) {
        JsonBody i = body.object("indicator", INDICATOR);
        if (i == null) {
            return null;
        }
        String rawDirection = i.string("direction");
        IndicatorDirection direction = rawDirection == null ? null : IndicatorDirection.parse(rawDirection)
                .orElseThrow(() -> new BadRequest("indicator.direction",
                        "indicator.direction must be one of " + IndicatorDirection.CHOICES));
        try {
            return new Indicator(i.string("unit"), i.decimal("baseline"), i.date("baselineDate"), i.decimal("target"),
                    i.date("targetDate"), direction);
        } catch (BadRequest e) {
            throw new BadRequest("indicator." + e.field(), "indicator." + e.getMessage());
        }
    }

    private static ItemInput input(JsonBody body) {
        ItemKind kind = null;
        String rawKind = body.string("kind");
        if (rawKind != null) {
            kind = ItemKind.parse(rawKind).orElseThrow(() -> new BadRequest("kind", KINDS));
        }
        Frequency frequency = null;
        String rawFrequency = body.string("frequency");
        if (rawFrequency != null) {
            frequency = Frequency.parse(rawFrequency).orElseThrow(() ->
                    new BadRequest("frequency", "frequency must be monthly, quarterly, half_yearly or yearly"));
        }
        Integer dueYear = body.integer("dueYear");
        String reason = body.string("reason");
        if (reason != null && reason.length() > 2000) {
            throw new BadRequest("reason", REASON);
        }
        return new ItemInput(body.string("areaCode"), body.string("code"), kind, body.string("title"),
                body.string("description"), body.string("reachedWhen"), dueYear, body.date("dueDate"),
                body.has("dateUncertain") ? body.bool("dateUncertain", false) : null, body.string("reportTo"),
                frequency, body.date("startsOn"), body.positiveLong("ownerId"), body.isNull("ownerId"), reason);
    }
}
