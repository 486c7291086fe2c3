package se.planpuls.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.db.Fixtures;
import se.planpuls.db.ReminderService;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;
import se.planpuls.domain.reminder.ReminderSendException;
import se.planpuls.domain.reminder.ReminderSender;

class ReminderDispatcherTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofSeconds(2),
            Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofSeconds(5));

    /** A connector stand-in: answers each reminder per a script and counts what it delivered. */
    private static final class ScriptedSender implements ReminderSender {
        final Map<ReminderKey, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> attemptTimes = new ConcurrentLinkedQueue<>();
        final AtomicInteger calls = new AtomicInteger();
        final ConcurrentLinkedQueue<List<ReminderKey>> messages = new ConcurrentLinkedQueue<>();
        final Function<Integer, CompletableFuture<Void>> script;

        ScriptedSender(Function<Integer, CompletableFuture<Void>> script) {
            this.script = script;
        }

        @Override
        public CompletableFuture<Void> send(List<DueReminder> reminders, Runnable pace) {
            pace.run();
            attemptTimes.add(System.nanoTime());
            messages.add(reminders.stream().map(DueReminder::key).toList());
            return script.apply(calls.incrementAndGet()).thenRun(() -> reminders.forEach(reminder ->
                    delivered.computeIfAbsent(reminder.key(), k -> new AtomicInteger()).incrementAndGet()));
        }
    }

    private static CompletableFuture<Void> ok() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<Void> answer(int status, Duration retryAfter) {
        return CompletableFuture.failedFuture(new ReminderSendException(status, retryAfter, false, "connector answered " + status));
    }

    private static ReminderDispatcher dispatcher(ReminderService service, ReminderSender sender) {
        return new ReminderDispatcher(service, sender, new RateLimiter(7, 50, System::nanoTime, RateLimiter.Sleeper.THREAD),
                FAST, CLOCK, 4);
    }

    private static List<DueReminder> reminders(Fixtures f, int owners) {
        List<DueReminder> due = new ArrayList<>();
        var milestone = f.milestone("DIG-1").milestone();
        for (int i = 0; i < owners; i++) {
            Owner owner = f.owner("Owner " + i, "owner" + i + "@example.com", null);
            // One milestone, many keys: a distinct due date per owner keeps every key its own.
            due.add(new DueReminder(new ReminderKey(milestone.id(), ReminderKind.DEADLINE,
                    LocalDate.parse("2027-01-01").plusDays(i), 5), owner.id(), LocalDate.parse("2026-11-23")));
        }
        return due;
    }

    @Test
    void the_reminders_due_to_one_owner_go_out_as_one_message_and_each_is_logged_as_sent() throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            Owner alex = f.owner("Alex", "alex@example.com", null);
            Owner bea = f.owner("Bea", "bea@example.com", null);
            List<DueReminder> due = new ArrayList<>();
            for (String code : List.of("DIG-1", "DIG-2", "DIG-3")) {
                due.add(new DueReminder(new ReminderKey(f.assign(code, alex).milestone().id(), ReminderKind.CHECK_IN,
                        LocalDate.parse("2026-11-01"), 0), alex.id(), LocalDate.parse("2026-11-23")));
            }
            due.add(new DueReminder(new ReminderKey(f.assign("DIG-4", bea).milestone().id(), ReminderKind.OVERDUE,
                    LocalDate.parse("2026-10-30"), 0), bea.id(), LocalDate.parse("2026-11-23")));
            var sender = new ScriptedSender(call -> ok());
            try (var dispatcher = dispatcher(service, sender)) {
                var summary = dispatcher.dispatch(due).get(10, TimeUnit.SECONDS);

                assertThat(summary.sent()).isEqualTo(4);
                assertThat(sender.calls).hasValue(2);
                assertThat(sender.messages).extracting(List::size).containsExactlyInAnyOrder(3, 1);
                assertThat(service.log("sent", alex.id())).hasSize(3);
                assertThat(service.log("sent", bea.id())).hasSize(1);
            }
        }
    }

    @Test
    void a_message_that_fails_once_is_sent_again_whole_and_then_counted_per_reminder() throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            Owner alex = f.owner("Alex", "alex@example.com", null);
            List<DueReminder> due = new ArrayList<>();
            for (String code : List.of("DIG-1", "DIG-2")) {
                due.add(new DueReminder(new ReminderKey(f.assign(code, alex).milestone().id(), ReminderKind.CHECK_IN,
                        LocalDate.parse("2026-11-01"), 0), alex.id(), LocalDate.parse("2026-11-23")));
            }
            var sender = new ScriptedSender(call -> call == 1 ? answer(502, null) : ok());
            try (var dispatcher = dispatcher(service, sender)) {
                var summary = dispatcher.dispatch(due).get(10, TimeUnit.SECONDS);

                assertThat(summary.toString()).isEqualTo(new DispatchSummary(2, 2, 0, 0, 0, 0).toString());
                assertThat(sender.messages).hasSize(2).allSatisfy(m -> assertThat(m).hasSize(2));
                assertThat(service.log("sent", alex.id())).hasSize(2)
                        .allSatisfy(r -> assertThat(r.attempts()).isEqualTo(2));
            }
        }
    }

    @Test
    void a_429_is_retried_after_its_retry_after_and_then_sent_once() throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var sender = new ScriptedSender(call -> call == 1 ? answer(429, Duration.ofMillis(400)) : ok());
            var due = reminders(f, 1);
            try (var dispatcher = dispatcher(service, sender)) {
                var summary = dispatcher.dispatch(due).get(10, TimeUnit.SECONDS);

                assertThat(summary.sent()).isEqualTo(1);
                var times = new ArrayList<>(sender.attemptTimes);
                assertThat(times).hasSize(2);
                assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(400_000_000L);
                assertThat(service.log("sent", null)).singleElement()
                        .satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
            }
        }
    }

    @Test
    void a_500_is_retried_with_backoff_and_a_lasting_one_is_kept_failed_for_the_retry_job() throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var flaky = new ScriptedSender(call -> call <= 2 ? answer(500, null) : ok());
            var due = reminders(f, 2);
            try (var dispatcher = dispatcher(service, flaky)) {
                assertThat(dispatcher.dispatch(due.subList(0, 1)).get(10, TimeUnit.SECONDS).sent()).isEqualTo(1);
                assertThat(flaky.calls).hasValue(3);
            }
            var down = new ScriptedSender(call -> answer(503, null));
            try (var dispatcher = dispatcher(service, down)) {
                var summary = dispatcher.dispatch(due.subList(1, 2)).get(10, TimeUnit.SECONDS);

                assertThat(summary.failed()).isEqualTo(1);
                assertThat(down.calls).hasValue(FAST.attemptsInRun());
                assertThat(service.log("failed", null)).singleElement().satisfies(r -> {
                    assertThat(r.httpStatus()).isEqualTo(503);
                    assertThat(r.attempts()).isEqualTo(FAST.attemptsInRun());
                    assertThat(r.nextAttemptAt()).isEqualTo(CLOCK.instant().plus(FAST.later()));
                });
            }
        }
    }

    @Test
    void a_blocked_bot_is_not_retried_and_an_unreachable_owner_is_tried_again_later() throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var sender = new ScriptedSender(call -> call == 1 ? answer(403, null)
                    : CompletableFuture.failedFuture(ReminderSendException.unreachable("no personal chat stored")));
            var due = reminders(f, 2);
            try (var dispatcher = dispatcher(service, sender)) {
                dispatcher.dispatch(due.subList(0, 1)).get(10, TimeUnit.SECONDS);
                dispatcher.dispatch(due.subList(1, 2)).get(10, TimeUnit.SECONDS);
            }

            assertThat(sender.calls).hasValue(2);
            assertThat(service.log("failed", null)).extracting(r -> r.nextAttemptAt()).containsExactlyInAnyOrder(
                    null, CLOCK.instant().plus(FAST.unreachable()));
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_restart_in_the_middle_of_a_fan_out_sends_every_reminder_exactly_once(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var due = reminders(f, 40);
            var stuck = new CountDownLatch(1);
            var hang = new CompletableFuture<Void>();
            // The first instance delivers 15 reminders, then every further send hangs until it dies.
            var first = new ScriptedSender(call -> {
                if (call <= 15) {
                    return ok();
                }
                stuck.countDown();
                return hang;
            });
            var dying = dispatcher(service, first);
            dying.dispatch(due);
            assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
            dying.close();
            Thread.sleep(200);

            var second = new ScriptedSender(call -> ok());
            try (var restarted = dispatcher(new ReminderService(f.database, CLOCK, SE), second)) {
                restarted.dispatch(due).get(30, TimeUnit.SECONDS);
            }

            assertThat(first.delivered).hasSize(15);
            assertThat(second.delivered).hasSize(25);
            assertThat(second.delivered.keySet()).doesNotContainAnyElementsOf(first.delivered.keySet());
            assertThat(service.log("sent", null)).hasSize(40);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_instances_fanning_out_the_same_reminders_send_each_once(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var due = reminders(f, 60);
            var one = new ScriptedSender(call -> ok());
            var two = new ScriptedSender(call -> ok());
            try (var a = dispatcher(new ReminderService(f.database, CLOCK, SE), one);
                 var b = dispatcher(new ReminderService(f.database, CLOCK, SE), two)) {
                var runA = a.dispatch(due);
                var runB = b.dispatch(due);
                var summaries = List.of(runA.get(30, TimeUnit.SECONDS), runB.get(30, TimeUnit.SECONDS));

                assertThat(summaries.get(0).sent() + summaries.get(1).sent()).isEqualTo(60);
            }
            assertThat(one.delivered.size() + two.delivered.size()).isEqualTo(60);
            // Either instance may win every row, so one side can be empty: compare by intersection.
            var both = new java.util.HashSet<>(one.delivered.keySet());
            both.retainAll(two.delivered.keySet());
            assertThat(both).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_instances_fanning_out_at_once_stay_together_under_the_limit_by_taking_turns(TestDatabases.Kind kind)
            throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var due = reminders(f, 160);
            var sends = new ConcurrentLinkedQueue<Long>();
            var one = new ScriptedSender(call -> ok());
            var two = new ScriptedSender(call -> ok());
            ReminderSender timedOne = (reminder, pace) -> one.send(reminder, () -> {
                pace.run();
                sends.add(System.nanoTime());
            });
            ReminderSender timedTwo = (reminder, pace) -> two.send(reminder, () -> {
                pace.run();
                sends.add(System.nanoTime());
            });
            // Each instance alone paces itself to 100 a second; together they must not exceed it.
            try (var a = sharing(new ReminderService(f.database, CLOCK, SE), timedOne);
                 var b = sharing(new ReminderService(f.database, CLOCK, SE), timedTwo)) {
                var runA = a.dispatch(due.subList(0, 80));
                var runB = b.dispatch(due.subList(80, 160));

                assertThat(runA.get(60, TimeUnit.SECONDS).sent() + runB.get(60, TimeUnit.SECONDS).sent()).isEqualTo(160);
            }
            assertThat(one.delivered).hasSize(80);
            assertThat(two.delivered).hasSize(80);
            assertThat(mostInOneSecond(new ArrayList<>(sends))).isLessThanOrEqualTo(100);
        }
    }

    private static ReminderDispatcher sharing(ReminderService service, ReminderSender sender) {
        return new ReminderDispatcher(service, sender, new RateLimiter(7, 100, System::nanoTime,
                RateLimiter.Sleeper.THREAD), FAST, CLOCK, 4, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                SendingTurn.shared(service));
    }

    private static int mostInOneSecond(List<Long> times) {
        times.sort(null);
        int most = 0;
        for (int start = 0, end = 0; start < times.size(); start++) {
            while (end < times.size() && times.get(end) - times.get(start) < 1_000_000_000L) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    @Test
    void a_drain_lets_sends_under_way_finish_leaves_the_rest_unrecorded_and_the_next_run_sends_them_once()
            throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var due = reminders(f, 30);
            var slow = new ScriptedSender(call -> CompletableFuture.runAsync(() -> sleep(150)));
            try (var dispatcher = dispatcher(service, slow)) {
                var run = dispatcher.dispatch(due);
                while (slow.calls.get() < 6) {
                    Thread.sleep(5);
                }
                dispatcher.drain();
                var summary = run.get(5, TimeUnit.SECONDS);
                assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

                int firstRun = service.log("sent", null).size();
                assertThat(firstRun).as("sends under way were recorded").isEqualTo(slow.delivered.size())
                        .isBetween(6, 12);
                assertThat(summary.deferred()).isPositive();
                assertThat(summary.toString()).contains("unfinished at shutdown");
                assertThat(service.log(null, null)).as("nothing half-recorded").hasSize(firstRun);
            }
            var again = new ScriptedSender(call -> ok());
            try (var dispatcher = dispatcher(service, again)) {
                var summary = dispatcher.dispatch(due).get(10, TimeUnit.SECONDS);
                assertThat(summary.sent()).isEqualTo(30 - slow.delivered.size());
                assertThat(summary.skipped()).isEqualTo(slow.delivered.size());
            }
            assertThat(service.log("sent", null)).hasSize(30);
            for (var reminder : due) {
                int times = slow.delivered.getOrDefault(reminder.key(), new AtomicInteger()).get()
                        + again.delivered.getOrDefault(reminder.key(), new AtomicInteger()).get();
                assertThat(times).as("deliveries of " + reminder.key()).isEqualTo(1);
            }
        }
    }

    @Test
    void a_run_waiting_only_for_a_retry_ends_at_the_drain_and_the_failure_stays_for_the_retry_job() throws Exception {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var throttled = new ScriptedSender(call -> answer(429, Duration.ofSeconds(2)));
            try (var dispatcher = dispatcher(service, throttled)) {
                var run = dispatcher.dispatch(reminders(f, 1));
                while (service.log("failed", null).isEmpty()) {
                    Thread.sleep(5);
                }
                dispatcher.drain();

                assertThat(run.get(1, TimeUnit.SECONDS).deferred()).isEqualTo(1);
                Thread.sleep(2_500);
                assertThat(throttled.calls).as("the retry did not go out after the drain").hasValue(1);
                assertThat(service.log("failed", null)).singleElement()
                        .satisfies(r -> assertThat(r.httpStatus()).isEqualTo(429));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
