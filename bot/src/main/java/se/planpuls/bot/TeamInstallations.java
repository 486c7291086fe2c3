package se.planpuls.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamInfo;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.ReachService;

/**
 * Keeps the list of teams the app is installed in from what Teams sends: an installation or the bot
 * added to a team records it and has its owners reached; a member added to the team has them reached
 * too (they may be an owner); the app removed forgets the team. A message in a channel of a team not
 * yet known records that team as well.
 */
final class TeamInstallations {
    private static final Logger LOG = LoggerFactory.getLogger(TeamInstallations.class);

    private final ReachService reach;
    private final Consumer<String> reachOwnersOf;

    TeamInstallations(ReachService reach, Consumer<String> reachOwnersOf) {
        this.reach = reach;
        this.reachOwnersOf = reachOwnersOf;
    }

    void seen(Activity activity) {
        try {
            record(activity);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the team of an activity: {}", e.toString());
        }
    }

    private void record(Activity activity) {
        // A personal chat belongs to no team; reading its channel data as Teams' would cost a conversion each turn.
        if (activity.getConversation() != null && "personal".equals(activity.getConversation().getConversationType())) {
            return;
        }
        TeamInfo team = activity.teamsGetTeamInfo();
        if (team == null || team.getId() == null || team.getId().isBlank()) {
            return;
        }
        String type = activity.getType();
        String action = activity.getAction() == null ? "" : activity.getAction();
        boolean installation = ActivityTypes.INSTALLATION_UPDATE.equals(type);
        if (installation && action.startsWith("remove") || hasBot(activity.getMembersRemoved(), activity)) {
            reach.teamRemoved(team.getId());
            return;
        }
        String tenant = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        var data = activity.teamsGetChannelData();
        if (tenant == null && data != null && data.getTenant() != null) {
            tenant = data.getTenant().getId();
        }
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        boolean isNew = reach.teamSeen(team.getId(), team.getName(), activity.getServiceUrl(), tenant, botId);
        boolean added = installation && action.startsWith("add") || hasBot(activity.getMembersAdded(), activity);
        boolean joined = ActivityTypes.CONVERSATION_UPDATE.equals(type) && activity.getMembersAdded() != null
                && !activity.getMembersAdded().isEmpty();
        if (isNew || added || joined) {
            reachOwnersOf.accept(team.getId());
        }
    }

    private static boolean hasBot(List<ChannelAccount> members, Activity activity) {
        return members != null && activity.getRecipient() != null && members.stream()
                .anyMatch(m -> m != null && activity.getRecipient().getId().equals(m.getId()));
    }
}
