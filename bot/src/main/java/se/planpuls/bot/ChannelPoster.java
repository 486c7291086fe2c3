package se.planpuls.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.util.concurrent.CompletableFuture;
import se.planpuls.domain.ChannelSubscription;

/**
 * Posts a card as a new thread in a Teams channel: a group {@code createConversation} whose channel
 * data names the channel, as {@code TeamsInfo.sendMessageToTeamsChannel} does, but with the
 * {@code msteams} channel id (that helper passes the Teams channel id in its place).
 */
final class ChannelPoster {
    private final BotFrameworkAdapter adapter;
    private final BotSettings settings;

    ChannelPoster(BotFrameworkAdapter adapter, BotSettings settings) {
        this.adapter = adapter;
        this.settings = settings;
    }

    CompletableFuture<Void> post(ChannelSubscription channel, Attachment card) {
        Activity activity = MessageFactory.attachment(card);
        TeamsChannelData data = new TeamsChannelData();
        ChannelInfo info = new ChannelInfo();
        info.setId(channel.channelId());
        data.setChannel(info);
        TeamInfo team = new TeamInfo();
        team.setId(channel.teamId());
        data.setTeam(team);
        if (channel.tenantId() != null) {
            TenantInfo tenant = new TenantInfo();
            tenant.setId(channel.tenantId());
            data.setTenant(tenant);
        }
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setChannelData(data);
        parameters.setActivity(activity);
        parameters.setTenantId(channel.tenantId());
        return adapter.createConversation("msteams", channel.serviceUrl(), credentials(), parameters,
                context -> CompletableFuture.completedFuture(null));
    }

    private MicrosoftAppCredentials credentials() {
        if (!settings.authenticationEnabled()) {
            return MicrosoftAppCredentials.empty();
        }
        return settings.tenantId() == null || settings.tenantId().isBlank()
                ? new MicrosoftAppCredentials(settings.appId(), settings.appPassword())
                : new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId());
    }
}
