package se.planpuls.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Set;
import se.planpuls.db.ChannelService;
import se.planpuls.domain.ChannelSubscription;

/** Leadership channels: {@code GET/POST /api/v1/channels}, {@code DELETE /api/v1/channels/{id}}. */
final class ChannelController {
    private final ChannelService channels;
    private final ObjectMapper json;

    ChannelController(ChannelService channels, ObjectMapper json) {
        this.channels = channels;
        this.json = json;
    }

    void list(Context ctx) {
        ctx.json(channels.all());
    }

    /** Body: {@code planId}, {@code teamId}, {@code channelId} and optionally {@code schedule} ("MON 08:00"). */
    void create(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body(), Set.of("planId", "teamId", "channelId", "schedule"));
        Long planId = body.positiveLong("planId");
        if (planId == null) {
            throw new BadRequest("planId", "planId is required");
        }
        ChannelSubscription created = channels.subscribe(planId, body.requiredString("teamId"),
                body.requiredString("channelId"), body.string("schedule"), "admin API");
        ctx.status(201).header("Location", "/api/v1/channels/" + created.id()).json(created);
    }

    void get(Context ctx) {
        ctx.json(channels.get(Ids.path(ctx, "id")));
    }

    void delete(Context ctx) {
        channels.unsubscribe(Ids.path(ctx, "id"));
        ctx.status(204);
    }
}
