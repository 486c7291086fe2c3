package se.planpuls.api.reminder;

import java.util.concurrent.CompletableFuture;
import se.planpuls.bot.TeamsBot;
import se.planpuls.scheduler.ScheduledTask;

/** Adapts the bot's check-in of every owner to the scheduler's port; run on demand. */
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

    /**
     * On demand only: the reminder policy's regular check-in (monthly by default, on a working day,
     * skipping milestones reported lately) took over the schedule, so owners are not prompted twice.
     */
    @Override
    public String cron() {
        return null;
    }

    @Override
    public CompletableFuture<String> run() {
        return bot.sendWeeklyCheckIns().thenApply(s -> s.ownersPrompted() + " owners prompted, " + s.milestonesAsked()
                + " milestones asked about in one card each, " + s.ownersUnreachable() + " owners unreachable, " + s.failures() + " failed");
    }
}
