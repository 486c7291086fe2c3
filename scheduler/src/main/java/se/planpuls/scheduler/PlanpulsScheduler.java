package se.planpuls.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.Database;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.spi.JobFactory;

/**
 * The schedule: one Quartz cron trigger per task, in the region's time zone, plus "run now" for
 * admins. Quartz stays inside this class; callers see tasks, runs and job infos. With a
 * {@link Database} the schedule lives in Quartz's JDBC job store in the service's own database,
 * clustered, so it survives restarts, a missed run fires once at start, and two instances on one
 * database never both fire a trigger.
 */
public final class PlanpulsScheduler implements AutoCloseable {
    private static final String GROUP = "planpuls";

    private final Map<String, TaskRunner> runners = new LinkedHashMap<>();
    private final ZoneId zone;
    private final Scheduler quartz;
    private final Database database;
    private volatile boolean stopping;

    /** A schedule kept in memory only (for tests of the tasks themselves). */
    public PlanpulsScheduler(List<ScheduledTask> tasks, ZoneId zone, Clock clock) {
        this(tasks, zone, clock, null);
    }

    /** A schedule kept in {@code database}'s Quartz tables (created by migration V3), or in memory when null. */
    public PlanpulsScheduler(List<ScheduledTask> tasks, ZoneId zone, Clock clock, Database database) {
        this(tasks, zone, clock, database, new CompositeMeterRegistry());
    }

    /** As {@link #PlanpulsScheduler(List, ZoneId, Clock, Database)}, timing each job run in {@code metrics}. */
    public PlanpulsScheduler(List<ScheduledTask> tasks, ZoneId zone, Clock clock, Database database,
                             MeterRegistry metrics) {
        this.zone = zone;
        this.database = database;
        tasks.forEach(task -> runners.put(task.name(), new TaskRunner(task, clock, metrics)));
        try {
            Properties properties = database == null ? QuartzStore.inMemory() : QuartzStore.jdbc(database);
            quartz = QuartzStore.newScheduler(properties);
            JobFactory factory = (bundle, scheduler) -> new TaskJob(runners.get(bundle.getJobDetail().getKey().getName()));
            quartz.setJobFactory(factory);
            for (TaskRunner runner : runners.values()) {
                var task = runner.task();
                if (task.cron() == null) {
                    // On demand only; a trigger kept from an earlier version of the schedule goes.
                    quartz.deleteJob(org.quartz.JobKey.jobKey(task.name(), GROUP));
                    continue;
                }
                var job = JobBuilder.newJob(TaskJob.class).withIdentity(task.name(), GROUP).build();
                Trigger trigger = TriggerBuilder.newTrigger()
                        .withIdentity(task.name(), GROUP)
                        .withSchedule(CronScheduleBuilder.cronSchedule(task.cron())
                                .inTimeZone(TimeZone.getTimeZone(zone))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build();
                QuartzStore.scheduleKeepingState(quartz, job, trigger, task.cron(), zone);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not set up the schedule", e);
        }
    }

    public void start() {
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not start the schedule", e);
        }
    }

    /** True while the schedule fires its triggers: started, not in standby, not shut down. */
    public boolean running() {
        try {
            return quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * The first step of a shutdown: no trigger fires from now on and no job is started on demand;
     * runs under way go on. In a cluster the other instances keep firing the schedule.
     */
    public void standby() {
        stopping = true;
        try {
            quartz.standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not put the schedule in standby", e);
        }
    }

    /** True while a job runs, on its schedule or on demand. */
    public boolean busy() {
        return runners.values().stream().anyMatch(TaskRunner::busy);
    }

    /**
     * Runs a job now, outside its schedule; fails with {@link UnknownJobException}, {@link JobBusyException}
     * or, once a shutdown began, {@link SchedulerStoppingException}.
     */
    public CompletableFuture<TaskRun> runNow(String name) {
        TaskRunner runner = runners.get(name);
        if (runner == null) {
            return CompletableFuture.failedFuture(new UnknownJobException(name));
        }
        if (stopping) {
            return CompletableFuture.failedFuture(new SchedulerStoppingException(name));
        }
        return runner.run();
    }

    public List<JobInfo> jobs() {
        return runners.values().stream().map(runner -> {
            try {
                Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(runner.task().name(), GROUP));
                var next = trigger == null || trigger.getNextFireTime() == null ? null
                        : trigger.getNextFireTime().toInstant();
                return new JobInfo(runner.task().name(), runner.task().cron(), zone.getId(), next);
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * Stops the schedule: waits for runs under way, then leaves the cluster, removing this instance's
     * check-in row so the others need not first take it for failed and recover it.
     */
    @Override
    public void close() {
        stopping = true;
        try {
            String instance = quartz.getSchedulerInstanceId();
            quartz.shutdown(true);
            if (database != null) {
                QuartzStore.leaveCluster(database, instance);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
