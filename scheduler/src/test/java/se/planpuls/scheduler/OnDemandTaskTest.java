package se.planpuls.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.calendar.WorkingCalendar;

class OnDemandTaskTest {

    @Test
    void a_task_without_cron_is_never_scheduled_but_runs_on_demand() {
        ScheduledTask task = new ScheduledTask() {
            @Override
            public String name() {
                return "on-demand";
            }

            @Override
            public String cron() {
                return null;
            }

            @Override
            public CompletableFuture<String> run() {
                return CompletableFuture.completedFuture("ran");
            }
        };
        try (var scheduler = new PlanpulsScheduler(List.of(task), WorkingCalendar.ZONE, Clock.systemUTC())) {
            scheduler.start();

            assertThat(scheduler.jobs()).singleElement().satisfies(job -> assertThat(job.nextRun()).isNull());
            assertThat(scheduler.runNow("on-demand").join().summary()).isEqualTo("ran");
        }
    }
}
