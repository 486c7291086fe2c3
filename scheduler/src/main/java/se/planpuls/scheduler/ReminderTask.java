package se.planpuls.scheduler;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import se.planpuls.db.ReminderService;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderRecord;

/**
 * The reminder jobs: {@code reminders} sends what is due at 08:30 on weekdays (the planner sends
 * nothing on a holiday), and {@code reminder-retries} tries failed sends again through the day.
 */
public final class ReminderTask implements ScheduledTask {
    public static final String REMINDERS = "reminders";
    public static final String RETRIES = "reminder-retries";

    private final String name;
    private final String cron;
    private final boolean retriesOnly;
    private final ReminderService reminders;
    private final ReminderDispatcher dispatcher;

    private ReminderTask(String name, String cron, boolean retriesOnly, ReminderService reminders,
                         ReminderDispatcher dispatcher) {
        this.name = name;
        this.cron = cron;
        this.retriesOnly = retriesOnly;
        this.reminders = reminders;
        this.dispatcher = dispatcher;
    }

    public static List<ScheduledTask> all(ReminderService reminders, ReminderDispatcher dispatcher) {
        return List.of(new ReminderTask(REMINDERS, "0 30 8 ? * MON-FRI", false, reminders, dispatcher),
                new ReminderTask(RETRIES, "0 0/15 9-16 ? * MON-FRI", true, reminders, dispatcher));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public CompletableFuture<String> run() {
        var due = reminders.due(reminders.today());
        if (retriesOnly) {
            Set<ReminderKey> failed = reminders.log("FAILED", null).stream()
                    .map(ReminderTask::key).collect(Collectors.toSet());
            due = due.stream().filter(r -> failed.contains(r.key())).toList();
        }
        return dispatcher.dispatch(due).thenApply(DispatchSummary::toString);
    }

    private static ReminderKey key(ReminderRecord r) {
        return new ReminderKey(r.milestoneId(), r.kind(), r.dueDate(), r.step(), r.memberId());
    }
}
