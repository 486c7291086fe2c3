package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.Delivery;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;
import se.planpuls.domain.reminder.ReminderPolicy;
import se.planpuls.domain.reminder.SendOutcome;

class ReminderServiceTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();
    // Monday 23 November 2026, 08:30 in Stockholm.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    private static DueReminder reminder(long milestoneId, Long recipient) {
        return new DueReminder(new ReminderKey(milestoneId, ReminderKind.DEADLINE, LocalDate.parse("2026-11-30"), 5),
                recipient, LocalDate.parse("2026-11-23"));
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_reminder_is_sent_once_and_a_second_run_skips_it(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var m = f.assign("DIG-1", anna).milestone();
            var sends = new AtomicInteger();

            var first = service.sendOnce(reminder(m.id(), anna.id()), r -> {
                sends.incrementAndGet();
                return Delivery.delivered();
            });
            var second = service.sendOnce(reminder(m.id(), anna.id()), r -> {
                sends.incrementAndGet();
                return Delivery.delivered();
            });

            assertThat(first).isEqualTo(SendOutcome.SENT);
            assertThat(second).isEqualTo(SendOutcome.SKIPPED);
            assertThat(sends).hasValue(1);
            assertThat(service.log("sent", anna.id())).singleElement().satisfies(r -> {
                assertThat(r.milestoneCode()).isEqualTo("DIG-1");
                assertThat(r.sentAt()).isEqualTo(CLOCK.instant());
                assertThat(r.attempts()).isEqualTo(1);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void one_message_for_three_milestones_keeps_a_row_per_reminder_and_leaves_out_what_was_already_sent(
            TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var one = reminder(f.assign("DIG-1", anna).milestone().id(), anna.id());
            var two = reminder(f.assign("DIG-2", anna).milestone().id(), anna.id());
            var three = reminder(f.assign("DIG-3", anna).milestone().id(), anna.id());
            service.sendOnce(one, r -> Delivery.delivered());
            List<List<DueReminder>> messages = new java.util.ArrayList<>();

            var outcomes = service.sendOnce(List.of(three, one, two), batch -> {
                messages.add(batch);
                return Delivery.delivered();
            });

            assertThat(messages).singleElement().satisfies(m -> assertThat(m).containsExactly(two, three));
            assertThat(outcomes).containsEntry(one.key(), SendOutcome.SKIPPED)
                    .containsEntry(two.key(), SendOutcome.SENT).containsEntry(three.key(), SendOutcome.SENT);
            assertThat(service.log("sent", anna.id())).extracting(r -> r.milestoneCode())
                    .containsExactlyInAnyOrder("DIG-1", "DIG-2", "DIG-3");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_failed_message_keeps_each_of_its_reminders_failed_for_the_retry(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var one = reminder(f.assign("DIG-1", anna).milestone().id(), anna.id());
            var two = reminder(f.assign("DIG-2", anna).milestone().id(), anna.id());

            var outcomes = service.sendOnce(List.of(one, two),
                    batch -> Delivery.failed(503, "connector answered 503", CLOCK.instant().plusSeconds(900)));

            assertThat(outcomes.values()).containsOnly(SendOutcome.FAILED);
            assertThat(service.log("failed", anna.id())).hasSize(2).allSatisfy(r -> {
                assertThat(r.httpStatus()).isEqualTo(503);
                assertThat(r.nextAttemptAt()).isEqualTo(CLOCK.instant().plusSeconds(900));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_crash_before_the_send_is_recorded_leaves_the_reminder_for_the_next_run(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var m = f.assign("DIG-1", anna).milestone();

            assertThatThrownBy(() -> service.sendOnce(reminder(m.id(), anna.id()), r -> {
                throw new IllegalStateException("the process dies here");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(service.log(null, null)).isEmpty();

            assertThat(service.sendOnce(reminder(m.id(), anna.id()), r -> Delivery.delivered()))
                    .isEqualTo(SendOutcome.SENT);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_failed_send_stays_visible_and_is_retried_only_from_its_retry_time(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var m = f.assign("DIG-1", anna).milestone();

            var failed = service.sendOnce(reminder(m.id(), anna.id()),
                    r -> Delivery.failed(503, "connector answered 503", CLOCK.instant().plusSeconds(900)));
            assertThat(failed).isEqualTo(SendOutcome.FAILED);
            assertThat(service.log("failed", null)).singleElement().satisfies(r -> {
                assertThat(r.httpStatus()).isEqualTo(503);
                assertThat(r.lastError()).contains("503");
                assertThat(r.nextAttemptAt()).isEqualTo(CLOCK.instant().plusSeconds(900));
            });
            assertThat(service.sendOnce(reminder(m.id(), anna.id()), r -> Delivery.delivered()))
                    .as("not before its retry time").isEqualTo(SendOutcome.SKIPPED);

            var later = Clock.offset(CLOCK, java.time.Duration.ofMinutes(16));
            var laterService = new ReminderService(f.database, later, SE);
            assertThat(laterService.sendOnce(reminder(m.id(), anna.id()), r -> Delivery.delivered()))
                    .isEqualTo(SendOutcome.SENT);
            assertThat(service.log(null, null)).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo("SENT");
                assertThat(r.attempts()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_instances_sending_the_same_reminder_at_once_send_it_once(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var one = new ReminderService(f.database, CLOCK, SE);
            var two = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var m = f.assign("DIG-1", anna).milestone();
            var sending = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var sends = new AtomicInteger();

            var first = CompletableFuture.supplyAsync(() -> one.sendOnce(reminder(m.id(), anna.id()), r -> {
                sends.incrementAndGet();
                sending.countDown();
                await(release);
                return Delivery.delivered();
            }));
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            var second = CompletableFuture.supplyAsync(() -> two.sendOnce(reminder(m.id(), anna.id()), r -> {
                sends.incrementAndGet();
                return Delivery.delivered();
            }));
            Thread.sleep(300);
            release.countDown();

            assertThat(List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(SendOutcome.SENT, SendOutcome.SKIPPED);
            assertThat(sends).hasValue(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_escalation_is_noted_as_report_missing_until_the_owner_reports(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var m = f.assign("DIG-1", anna).milestone();
            var escalation = new DueReminder(new ReminderKey(m.id(), ReminderKind.ESCALATION,
                    LocalDate.parse("2026-11-09"), 10), null, LocalDate.parse("2026-11-23"));

            assertThat(service.sendOnce(escalation, r -> {
                throw new AssertionError("nobody is to be told");
            })).isEqualTo(SendOutcome.NOTED);
            assertThat(service.reportMissing()).containsExactly(m.id());

            var later = Clock.offset(CLOCK, java.time.Duration.ofHours(1));
            new ReportService(f.database, later).report(new NewReport(m.id(), Status.IN_PROGRESS, "on it",
                    Reporter.owner(anna), "bot", null));
            assertThat(service.reportMissing()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_plans_policy_is_the_default_until_changed_and_then_kept(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            assertThat(service.policy(f.planId)).isEqualTo(ReminderPolicy.DEFAULT);

            var changed = new ReminderPolicy(List.of(15, 3), false, java.time.MonthDay.of(2, 15), List.of(10), 3, 7,
                    4, 8, null);
            service.savePolicy(f.planId, changed);
            service.savePolicy(f.planId, changed);

            assertThat(service.policy(f.planId)).isEqualTo(changed);
            assertThatThrownBy(() -> service.policy(9999)).isInstanceOf(se.planpuls.domain.NotFoundException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void owners_without_a_stored_personal_chat_are_unreachable(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var bo = f.owner("Bo", "bo@example.com", null);
            f.conversations.save("a:anna", ConversationKind.personal, "29:anna", null, anna.id(), "http://x", "t", "{}");

            assertThat(service.unreachableOwners()).extracting(o -> o.id()).containsExactly(bo.id());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void due_reminders_come_from_the_milestones_in_the_database(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var service = new ReminderService(f.database, CLOCK, SE);
            var anna = f.owner("Anna", "anna@example.com", null);
            var m = f.assign("DIG-1", anna).milestone();
            // Due Monday 30 November: 5 working days before is Monday 23 November, today.
            f.moveDue(m.id(), LocalDate.parse("2026-11-30"));

            assertThat(service.due(service.today()))
                    .filteredOn(r -> r.key().milestoneId() == m.id())
                    .extracting(DueReminder::key)
                    .containsExactly(new ReminderKey(m.id(), ReminderKind.DEADLINE, LocalDate.parse("2026-11-30"), 5));
            assertThat(service.upcoming(5))
                    .filteredOn(r -> r.key().milestoneId() == m.id())
                    .extracting(r -> r.key().step())
                    .containsExactly(5, 1);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_sending_turn_is_one_instance_s_until_given_back_or_expired(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var one = new ReminderService(f.database, CLOCK, SE);
            var two = new ReminderService(f.database, CLOCK, SE);
            var hold = java.time.Duration.ofSeconds(30);

            assertThat(one.takeSendingTurn("a", 1_000, hold)).as("a free turn is taken").isTrue();
            assertThat(two.takeSendingTurn("b", 2_000, hold)).as("a held turn is not").isFalse();
            assertThat(one.takeSendingTurn("a", 20_000, hold)).as("its holder renews it").isTrue();
            assertThat(two.takeSendingTurn("b", 40_000, hold)).as("the renewal counts from then").isFalse();
            assertThat(two.takeSendingTurn("b", 50_001, hold)).as("an expired turn passes").isTrue();
            assertThat(one.takeSendingTurn("a", 50_002, hold)).as("and its old holder lost it").isFalse();

            two.giveBackSendingTurn("a");
            assertThat(one.takeSendingTurn("a", 50_003, hold)).as("only the holder gives it back").isFalse();
            two.giveBackSendingTurn("b");
            assertThat(one.takeSendingTurn("a", 50_004, hold)).as("a given-back turn is free at once").isTrue();
        }
    }
}
