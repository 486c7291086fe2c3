package se.planpuls.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.calendar.WorkingCalendar;

class ClusteredSchedulerTest {

    /** A task that notes the second it ran in, as each instance's runs would be noted in one log. */
    private record Noting(String name, String cron, ConcurrentLinkedQueue<Instant> runs) implements ScheduledTask {
        @Override
        public CompletableFuture<String> run() {
            runs.add(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            return CompletableFuture.completedFuture("noted");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_schedulers_on_one_database_fire_each_trigger_once(TestDatabases.Kind kind) throws Exception {
        var database = kind.open();
        try {
            var runs = new ConcurrentLinkedQueue<Instant>();
            var everySecond = new Noting("tick", "* * * * * ?", runs);
            try (var one = new PlanpulsScheduler(List.of(everySecond), WorkingCalendar.ZONE, Clock.systemUTC(), database);
                 var two = new PlanpulsScheduler(List.of(everySecond), WorkingCalendar.ZONE, Clock.systemUTC(), database)) {
                one.start();
                two.start();
                // Seconds that passed while the two were set up are caught up at start; count after that.
                Thread.sleep(2_000);
                runs.clear();
                Thread.sleep(4_000);
            }

            assertThat(runs).hasSizeBetween(3, 5);
            assertThat(runs).doesNotHaveDuplicates();
        } finally {
            TestDatabases.dispose(database);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_schedule_survives_a_restart_and_a_run_missed_in_downtime_fires_once_at_start(TestDatabases.Kind kind)
            throws Exception {
        var database = kind.open();
        try {
            var runs = new ConcurrentLinkedQueue<Instant>();
            var daily = new Noting("daily", "0 30 8 * * ?", runs);
            try (var first = new PlanpulsScheduler(List.of(daily), WorkingCalendar.ZONE, Clock.systemUTC(), database)) {
                assertThat(first.jobs().get(0).nextRun()).isAfter(Instant.now());
            }
            // The service was down for three days: three 08:30 runs were missed.
            long threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).toEpochMilli();
            TestDatabases.execute(database, "UPDATE qrtz_triggers SET next_fire_time = ?", threeDaysAgo);

            try (var restarted = new PlanpulsScheduler(List.of(daily), WorkingCalendar.ZONE, Clock.systemUTC(), database)) {
                restarted.start();
                Thread.sleep(3_000);
                assertThat(restarted.jobs().get(0).nextRun()).isAfter(Instant.now());
            }

            assertThat(runs).hasSize(1);
        } finally {
            TestDatabases.dispose(database);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void in_standby_nothing_fires_or_starts_and_a_stopped_instance_leaves_the_cluster(TestDatabases.Kind kind)
            throws Exception {
        var database = kind.open();
        try {
            var runs = new ConcurrentLinkedQueue<Instant>();
            var everySecond = new Noting("tick", "* * * * * ?", runs);
            var scheduler = new PlanpulsScheduler(List.of(everySecond), WorkingCalendar.ZONE, Clock.systemUTC(), database);
            scheduler.start();
            Thread.sleep(1_500);
            assertThat(scheduler.running()).isTrue();
            assertThat(clusterInstances(database)).isEqualTo(1);

            scheduler.standby();
            Thread.sleep(200);
            runs.clear();
            Thread.sleep(2_000);

            assertThat(scheduler.running()).isFalse();
            assertThat(runs).isEmpty();
            assertThat(scheduler.runNow("tick")).failsWithin(java.time.Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(SchedulerStoppingException.class);
            scheduler.close();
            assertThat(clusterInstances(database)).isZero();
        } finally {
            TestDatabases.dispose(database);
        }
    }

    private static int clusterInstances(se.planpuls.db.Database database) throws java.sql.SQLException {
        try (var connection = database.dataSource().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM qrtz_scheduler_state")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
