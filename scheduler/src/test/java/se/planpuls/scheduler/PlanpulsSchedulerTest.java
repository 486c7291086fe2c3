package se.planpuls.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.calendar.WorkingCalendar;

class PlanpulsSchedulerTest {

    private static ScheduledTask task(String name, CompletableFuture<String> result) {
        ScheduledTask task = mock(ScheduledTask.class);
        when(task.name()).thenReturn(name);
        when(task.cron()).thenReturn("0 30 8 ? * MON");
        when(task.run()).thenReturn(result);
        return task;
    }

    @Test
    void a_weekly_job_is_scheduled_for_monday_at_0830_stockholm_time() {
        var task = task("weekly-check-in", CompletableFuture.completedFuture("ok"));
        try (var scheduler = new PlanpulsScheduler(List.of(task), WorkingCalendar.ZONE, Clock.systemUTC())) {
            scheduler.start();

            JobInfo info = scheduler.jobs().get(0);

            assertThat(info.name()).isEqualTo("weekly-check-in");
            var next = info.nextRun().atZone(WorkingCalendar.ZONE);
            assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(next.getHour()).isEqualTo(8);
            assertThat(next.getMinute()).isEqualTo(30);
        }
    }

    @Test
    void running_a_job_now_runs_its_task_and_returns_the_summary() {
        var task = task("weekly-check-in", CompletableFuture.completedFuture("3 owners prompted"));
        var clock = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);
        try (var scheduler = new PlanpulsScheduler(List.of(task), WorkingCalendar.ZONE, clock)) {
            TaskRun run = scheduler.runNow("weekly-check-in").join();

            assertThat(run.summary()).isEqualTo("3 owners prompted");
            assertThat(run.startedAt()).isEqualTo(clock.instant());
            verify(task, times(1)).run();
        }
    }

    @Test
    void an_unknown_job_is_refused_by_name() {
        try (var scheduler = new PlanpulsScheduler(List.of(), WorkingCalendar.ZONE, Clock.systemUTC())) {
            assertThatThrownBy(() -> scheduler.runNow("nope").join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(UnknownJobException.class);
        }
    }

    @Test
    void a_job_that_is_still_running_is_not_started_twice() {
        var pending = new CompletableFuture<String>();
        var task = task("weekly-check-in", pending);
        try (var scheduler = new PlanpulsScheduler(List.of(task), WorkingCalendar.ZONE, Clock.systemUTC())) {
            var first = scheduler.runNow("weekly-check-in");

            assertThatThrownBy(() -> scheduler.runNow("weekly-check-in").join())
                    .hasCauseInstanceOf(JobBusyException.class);
            pending.complete("done");
            assertThat(first.join().summary()).isEqualTo("done");
            assertThat(scheduler.runNow("weekly-check-in").join().summary()).isEqualTo("done");
        }
    }
}
