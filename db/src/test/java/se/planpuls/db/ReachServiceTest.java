package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.OwnerChange;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reach.TeamsAccount;
import se.planpuls.domain.reach.WelcomeAttempt;
import se.planpuls.domain.reach.WelcomeOutcome;

/**
 * Owners reached through the teams the app is in: rosters matched to owners, one welcome per owner
 * whatever runs or instances try, chats people opened before they were owners, and why the owners the
 * bot cannot reach stay unreachable.
 */
class ReachServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), WorkingCalendar.ZONE);
    static final String TEAM = "19:team@thread.tacv2";
    static final String URL = "https://smba.trafficmanager.net/emea/";
    static final String ANNA_AAD = "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b";

    private static ConversationRef chat(String conversationId, String teamsUserId) {
        return new ConversationRef(conversationId, ConversationKind.personal, teamsUserId, null, null, URL, "tenant",
                "{\"conversation\":{\"id\":\"" + conversationId + "\"}}", null);
    }

    @Test
    void someone_who_wrote_to_the_bot_and_is_then_made_an_owner_is_linked_to_that_chat_at_once() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reminders = new ReminderService(f.database, CLOCK, WorkingCalendar.sweden());
            f.owners.recognise(new OwnerService.TeamsIdentity("29:1alex", "00000000-0000-0000-0000-0000000000020",
                    "alexw@example.com", "AlexW@Example.com"), chat("a:1alex", "29:1alex"));

            var alex = f.owners.create(new NewOwner("Alex Wilber", "ALEXW@example.com", null, false));

            assertThat(alex.teamsUserId()).isEqualTo("29:1alex");
            assertThat(f.conversations.personalOf(alex.id())).hasValueSatisfying(c ->
                    assertThat(c.conversationId()).isEqualTo("a:1alex"));
            assertThat(reminders.unreachableOwners()).extracting(o -> o.id()).doesNotContain(alex.id());
        }
    }

    @Test
    void an_owner_whose_e_mail_is_corrected_to_a_known_sender_s_is_linked_then() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            f.owners.recognise(new OwnerService.TeamsIdentity("29:1anna", null, "anna.berg@region.se", null),
                    chat("a:1anna", "29:1anna"));
            var anna = f.owner("Anna Berg", "anna.berg@example.com", null);
            assertThat(f.conversations.personalOf(anna.id())).isEmpty();

            f.owners.update(anna.id(), new OwnerChange(null, "anna.berg@region.se", null, null, null, false, null, false),
                    null, se.planpuls.domain.Actor.api("admin"));

            assertThat(f.conversations.personalOf(anna.id())).isPresent();
        }
    }

    @Test
    void a_roster_is_matched_by_entra_id_then_e_mail_then_upn_and_members_who_are_no_owners_are_not_kept() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            var anna = f.owner("Anna Berg", "anna@example.com", ANNA_AAD);
            var bo = f.owner("Bo Ek", "bo.ek@example.com", null);
            var isaiah = f.owner("Isaiah Langer", "isaiah@example.com", null);
            f.owner("Nobody In Teams", "nobody@example.com", null);
            assertThat(reach.teamSeen(TEAM, "Ledningsgruppen", URL, "tenant", "28:bot")).isTrue();

            var matches = reach.recordRoster(TEAM, List.of(
                    new TeamsAccount("29:1anna", ANNA_AAD.toUpperCase(), "anna.b@other.example", null, "Anna"),
                    new TeamsAccount("29:1bo", null, "Bo.Ek@Example.com", "bo@corp.example", "Bo"),
                    new TeamsAccount("29:1isaiah", null, "isaiahl@example.com", "ISAIAH@example.com", "Isaiah"),
                    new TeamsAccount("29:1stranger", null, "stranger@example.com", null, "Stranger"),
                    new TeamsAccount(null, null, "broken@example.com", null, "No id")));

            assertThat(matches).extracting(m -> m.owner().id()).containsExactly(anna.id(), bo.id(), isaiah.id());
            assertThat(matches).allSatisfy(m -> {
                assertThat(m.personalChat()).isFalse();
                assertThat(m.welcomed()).isFalse();
            });
            assertThat(f.owners.byId(bo.id()).teamsUserId()).isEqualTo("29:1bo");
            assertThat(count(f, "SELECT COUNT(*) FROM teams_accounts")).isEqualTo(3);
            assertThat(count(f, "SELECT COUNT(*) FROM team_members")).isEqualTo(3);

            reach.recordRoster(TEAM, List.of(new TeamsAccount("29:1anna", ANNA_AAD, null, null, "Anna")));
            assertThat(count(f, "SELECT COUNT(*) FROM team_members")).as("who left the team is no member").isEqualTo(1);
        }
    }

    @Test
    void a_team_is_new_once_and_again_after_the_app_was_removed_and_hostile_values_are_held_in_bounds() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            assertThat(reach.teamSeen(TEAM, "A\u0000team\u001b[31m" + "x".repeat(1000), URL, "tenant", null)).isTrue();
            assertThat(reach.teamSeen(TEAM, null, URL, null, null)).isFalse();
            assertThat(reach.teams()).singleElement().satisfies(t -> {
                assertThat(t.name()).hasSize(300).doesNotContain("\u0000").doesNotContain("\u001b");
                assertThat(t.tenantId()).isEqualTo("tenant");
            });
            assertThat(reach.teamSeen(" ", "x", URL, null, null)).isFalse();
            assertThat(reach.teamSeen(TEAM, "x", null, null, null)).isFalse();

            reach.teamRemoved(TEAM);
            assertThat(reach.teams()).isEmpty();
            assertThat(reach.teamSeen(TEAM, null, URL, null, null)).isTrue();
        }
    }

    @Test
    void an_owner_is_welcomed_once_a_failure_is_tried_again_in_the_chat_it_opened_and_given_up_after_five() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            var anna = f.owner("Anna Berg", "anna@example.com", ANNA_AAD);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            reach.teamSeen(TEAM, "Team", URL, "tenant", null);
            List<String> opened = new ArrayList<>();

            assertThat(reach.welcomeOnce(anna.id(), TEAM, chat -> WelcomeAttempt.sent(chat("a:1anna", "29:1anna"))))
                    .isEqualTo(WelcomeOutcome.SENT);
            assertThat(reach.welcomeOnce(anna.id(), TEAM, chat -> {
                throw new AssertionError("never twice");
            })).isEqualTo(WelcomeOutcome.SKIPPED);
            assertThat(f.conversations.personalOf(anna.id())).isPresent();
            assertThat(f.owners.byId(anna.id()).teamsUserId()).isEqualTo("29:1anna");

            assertThat(reach.welcomeOnce(bo.id(), TEAM, chat -> {
                opened.add(chat);
                return WelcomeAttempt.failed(chat("a:1bo", "29:1bo"), "connector answered 502");
            })).isEqualTo(WelcomeOutcome.FAILED);
            assertThat(reach.unreachableReasons()).doesNotContainKey(bo.id());
            for (int i = 0; i < 6; i++) {
                reach.welcomeOnce(bo.id(), TEAM, chat -> {
                    opened.add(chat);
                    return WelcomeAttempt.failed(null, "connector answered 502");
                });
            }
            assertThat(opened).as("first a new chat, then the one it opened, five tries in all")
                    .containsExactly(null, "a:1bo", "a:1bo", "a:1bo", "a:1bo");
        }
    }

    @Test
    void an_owner_who_opened_a_chat_of_their_own_is_not_welcomed_and_nothing_is_written() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            var anna = f.owner("Anna Berg", "anna@example.com", ANNA_AAD);
            f.owners.recognise(new OwnerService.TeamsIdentity("29:1anna", ANNA_AAD, null, null), chat("a:1anna", "29:1anna"));

            assertThat(reach.welcomeOnce(anna.id(), TEAM, chat -> {
                throw new AssertionError("no welcome for someone who wrote first");
            })).isEqualTo(WelcomeOutcome.SKIPPED);
            assertThat(count(f, "SELECT COUNT(*) FROM owner_welcomes")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void two_instances_welcoming_the_same_owner_at_once_welcome_once(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var one = new ReachService(f.database, CLOCK);
            var two = new ReachService(f.database, CLOCK);
            var anna = f.owner("Anna Berg", "anna@example.com", ANNA_AAD);
            one.teamSeen(TEAM, "Team", URL, "tenant", null);
            var welcoming = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var welcomes = new AtomicInteger();

            var first = CompletableFuture.supplyAsync(() -> one.welcomeOnce(anna.id(), TEAM, chat -> {
                welcomes.incrementAndGet();
                welcoming.countDown();
                await(release);
                return WelcomeAttempt.sent(chat("a:1anna", "29:1anna"));
            }));
            assertThat(welcoming.await(10, TimeUnit.SECONDS)).isTrue();
            var second = CompletableFuture.supplyAsync(() -> two.welcomeOnce(anna.id(), TEAM, chat -> {
                welcomes.incrementAndGet();
                return WelcomeAttempt.sent(chat("a:2anna", "29:1anna"));
            }));
            Thread.sleep(300);
            release.countDown();

            assertThat(List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(WelcomeOutcome.SENT, WelcomeOutcome.SKIPPED);
            assertThat(welcomes).hasValue(1);
            assertThat(one.welcomeOnce(anna.id(), TEAM, chat -> {
                throw new AssertionError("a restart does not welcome again");
            })).isEqualTo(WelcomeOutcome.SKIPPED);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_person_seen_by_a_roster_and_a_message_at_the_same_moment_is_kept_once_with_both_sayings(
            TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var inserted = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var roster = CompletableFuture.runAsync(() -> f.database.jdbi().useTransaction(handle -> {
                ReachService.accountSeen(handle, new TeamsAccount("29:1anna", ANNA_AAD, null, null, "Anna"),
                        CLOCK.instant());
                inserted.countDown();
                await(release);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            var message = CompletableFuture.runAsync(() -> f.database.jdbi().useTransaction(handle ->
                    ReachService.accountSeen(handle, new TeamsAccount("29:1anna", null, "Anna@Example.com", null, "Anna"),
                            CLOCK.instant())));
            Thread.sleep(300);
            release.countDown();

            roster.get(20, TimeUnit.SECONDS);
            message.get(20, TimeUnit.SECONDS);
            var kept = f.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT aad_object_id || ' ' || email FROM teams_accounts WHERE teams_user_id = '29:1anna'")
                    .mapTo(String.class).list());
            assertThat(kept).containsExactly(ANNA_AAD + " anna@example.com");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_team_installed_and_spoken_in_at_the_same_moment_is_kept_once(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            var start = new CountDownLatch(1);
            var seen = java.util.stream.IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                await(start);
                return reach.teamSeen(TEAM, "Team " + i, URL, "tenant", null);
            })).toList();
            start.countDown();

            var news = seen.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
            assertThat(news).isBetween(1L, 8L);
            assertThat(count(f, "SELECT COUNT(*) FROM teams_installed")).isEqualTo(1);
            assertThat(reach.team(TEAM)).isPresent();
        }
    }

    @Test
    void each_owner_the_bot_cannot_reach_is_listed_with_why() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            var anna = f.owner("Anna Berg", "anna@example.com", ANNA_AAD);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            var cilla = f.owner("Cilla Ström", "cilla@example.com", null);
            var dan = f.owner("Dan Ek", "dan@example.com", null);
            assertThat(reach.unreachableReasons()).containsEntry(anna.id(), ReachService.NO_TEAM);

            reach.teamSeen(TEAM, "Team", URL, "tenant", null);
            reach.recordRoster(TEAM, List.of(new TeamsAccount("29:1anna", ANNA_AAD, null, null, "Anna"),
                    new TeamsAccount("29:1dan", null, "dan@example.com", null, "Dan")));
            // Bo wrote to the bot in a group chat: Teams knows him, but he is in no team with the app.
            f.owners.recognise(new OwnerService.TeamsIdentity("29:1bo", null, "bo@example.com", null),
                    new ConversationRef("19:group", ConversationKind.groupChat, null, null, null, URL, "t", "{}", null));
            reach.welcomeOnce(dan.id(), TEAM, chat -> WelcomeAttempt.failed(null, "connector answered 403"));

            var reasons = reach.unreachableReasons();
            assertThat(reasons).containsEntry(anna.id(), "in a team with Planpuls; reached on the next reach-owners run")
                    .containsEntry(bo.id(), ReachService.NO_TEAM)
                    .containsEntry(cilla.id(), ReachService.NO_ACCOUNT)
                    .containsEntry(dan.id(), "the bot could not open a chat: connector answered 403");
        }
    }

    @Test
    void erasing_an_owner_forgets_their_teams_accounts_but_not_that_they_were_welcomed() {
        try (var f = new Fixtures(TestDatabases.h2(), CLOCK)) {
            var reach = new ReachService(f.database, CLOCK);
            var anna = f.owner("Anna Berg", "anna@example.com", ANNA_AAD);
            reach.teamSeen(TEAM, "Team", URL, "tenant", null);
            reach.recordRoster(TEAM, List.of(new TeamsAccount("29:1anna", ANNA_AAD, "anna@example.com", null, "Anna")));
            reach.welcomeOnce(anna.id(), TEAM, chat -> WelcomeAttempt.sent(chat("a:1anna", "29:1anna")));

            f.owners.erase(anna.id(), null, se.planpuls.domain.Actor.api("admin"));

            assertThat(count(f, "SELECT COUNT(*) FROM teams_accounts")).isZero();
            assertThat(count(f, "SELECT COUNT(*) FROM owner_welcomes")).isEqualTo(1);
        }
    }

    private static long count(Fixtures f, String sql) {
        return f.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
