package se.planpuls.api.leadership;

import io.javalin.http.Context;
import se.planpuls.api.http.JsonBody;
import se.planpuls.api.http.Params;
import se.planpuls.db.ChannelService;
import se.planpuls.domain.ChannelSubscription;

/** Leadership channels: {@code GET/POST /api/v1/channels}, {@code DELETE /api/v1/channels/{id}}. */
final class ChannelController {
    /**
     * The plan, the team and channel (as Teams names them), and optionally the schedule ("MON 08:00")
     * and the language of the posts ("sv", the default, or "en").
     */
    record ChannelBody(Long planId, String teamId, String channelId, String schedule, String language) {
    }

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    void list(Context ctx) {
        ctx.json(channels.all());
    }

    void create(Context ctx) {
        ChannelBody body = ctx.bodyValidator(ChannelBody.class)
                .check("planId", b -> b.planId() != null, "planId is required")
                .check("planId", b -> b.planId() == null || b.planId() > 0, "planId must be a positive integer id")
                .check("teamId", b -> JsonBody.present(b.teamId()), "teamId is required")
                .check("channelId", b -> JsonBody.present(b.channelId()), "channelId is required")
                .get();
        ChannelSubscription created = channels.subscribe(body.planId(), body.teamId(), body.channelId(),
                body.schedule(), body.language(), "admin API");
        ctx.status(201).header("Location", "/api/v1/channels/" + created.id()).json(created);
    }

    void get(Context ctx) {
        ctx.json(channels.get(Params.id(ctx, "id")));
    }

    void delete(Context ctx) {
        channels.unsubscribe(Params.id(ctx, "id"));
        ctx.status(204);
    }
}
