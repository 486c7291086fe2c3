package se.planpuls.api;

import se.planpuls.api.http.Params;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.BadRequest;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.ChannelService;
import se.planpuls.domain.ChannelSubscription;

/** Leadership channels: {@code GET/POST /api/v1/channels}, {@code DELETE /api/v1/channels/{id}}. */
final class ChannelController {
    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    void list(Context ctx) {
        ctx.json(channels.all());
    }

    /** Body: {@code planId}, {@code teamId}, {@code channelId} and optionally {@code schedule} ("MON 08:00"). */
    void create(Context ctx) {
        JsonBody body = JsonBody.parse(ctx, ChannelBody.class);
        Long planId = body.positiveLong("planId");
        if (planId == null) {
            throw new BadRequest("planId", "planId is required");
        }
        ChannelSubscription created = channels.subscribe(planId, body.requiredString("teamId"),
                body.requiredString("channelId"), body.string("schedule"), "admin API");
        ctx.status(201).header("Location", "/api/v1/channels/" + created.id()).json(created);
    }

    /** The body of {@code POST /api/v1/channels}. */
    record ChannelBody(Long planId, String teamId, String channelId, String schedule) {
    }

    void get(Context ctx) {
        ctx.json(channels.get(Params.id(ctx, "id")));
    }

    void delete(Context ctx) {
        channels.unsubscribe(Params.id(ctx, "id"));
        ctx.status(204);
    }
}
