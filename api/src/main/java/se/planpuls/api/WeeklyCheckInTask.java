package se.planpuls.api;

import java.util.concurrent.CompletableFuture;
import se.planpuls.bot.TeamsBot;
import se.planpuls.scheduler.ScheduledTask;

/** Adapts the bot's check-in to the scheduler's port: Mondays at 08:30, Stockholm time. */
final class WeeklyCheckInTask implements ScheduledTask {
    static final String NAME = "weekly-check-in";

    private final TeamsBot bot;

    WeeklyCheckInTask(TeamsBot bot) {
        this.bot = bot;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cron() {
        return "0 30 8 ? * MON";
    }

    @Override
    public CompletableFuture<String> run() {
        return bot.sendWeeklyCheckIns().thenApply(s -> s.ownersPrompted() + " owners prompted, " + s.cardsSent()
                + " cards sent, " + s.ownersUnreachable() + " owners unreachable, " + s.failures() + " failed");
    }
}
