package se.planpuls.api.owner;

import java.util.concurrent.CompletableFuture;
import se.planpuls.bot.ReachSummary;
import se.planpuls.bot.TeamsBot;
import se.planpuls.scheduler.ScheduledTask;

/**
 * {@code reach-owners}: every morning at 07:00 (before the day's reminders) the bot reads the rosters
 * of the teams it is in and opens a chat with each owner it cannot reach yet. Installing the app in a
 * team does the same for that team at once.
 */
final class ReachOwnersTask implements ScheduledTask {
    static final String NAME = "reach-owners";

    private final TeamsBot bot;

    ReachOwnersTask(TeamsBot bot) {
        this.bot = bot;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cron() {
        return "0 0 7 ? * *";
    }

    @Override
    public CompletableFuture<String> run() {
        return bot.reachOwners().thenApply(ReachSummary::toString);
    }
}
