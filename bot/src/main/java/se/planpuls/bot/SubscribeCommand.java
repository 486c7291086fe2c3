package se.planpuls.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.ChannelService;
import se.planpuls.db.PlanService;
import se.planpuls.domain.Owner;

/**
 * {@code @Planpuls prenumerera} / {@code subscribe} in a channel: subscribes the channel to the
 * weekly digest of the (first) plan. Only owners flagged as admins may.
 */
final class SubscribeCommand implements Command {
    static final List<String> WORDS = List.of("prenumerera", "subscribe");

    private final ChannelService channels;
    private final PlanService plans;

    SubscribeCommand(ChannelService channels, PlanService plans) {
        this.channels = channels;
        this.plans = plans;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        Activity activity = turn.context().getActivity();
        // The SDK's teamsGetChannelId() throws when an activity has no channel data (a 1:1 chat).
        TeamsChannelData data = activity.teamsGetChannelData();
        String channelId = data == null || data.getChannel() == null ? null : data.getChannel().getId();
        String teamId = data == null || data.getTeam() == null ? null : data.getTeam().getId();
        if (!"channel".equals(activity.getConversation().getConversationType()) || channelId == null
                || teamId == null) {
            return turn.reply("subscribe.notChannel");
        }
        if (turn.owner().filter(Owner::admin).isEmpty()) {
            return turn.reply("subscribe.notAdmin");
        }
        var subscribed = channels.subscribeFromTeams(teamId, channelId, activity.getServiceUrl(),
                activity.getConversation().getTenantId(), turn.owner().get().name());
        String plan = plans.plan(subscribed.subscription().planId()).plan().name();
        return turn.reply(subscribed.created() ? "subscribe.done" : "subscribe.already", plan);
    }
}
