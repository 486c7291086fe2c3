package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.DependencyRisk;
import se.planpuls.domain.Digest;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;

class DigestServiceTest {
    /** Monday 2 October 2023, 08:00 in Stockholm. */
    static final Instant MONDAY = Instant.parse("2023-10-02T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(MONDAY, WorkingCalendar.ZONE);

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_plan_in_a_known_state_gives_every_section(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var l = new LeadershipFixture(f);
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            f.assign("MED-1", anna);
            f.assign("MED-2", anna);
            f.assign("NIV-3", anna);
            f.assign("NV-1", bo);
            f.conversations.save("a:anna", ConversationKind.personal, "29:anna", null, anna.id(),
                    "https://smba.example/", "tenant", "{}");
            f.moveDue(l.id("FYS-2"), LocalDate.of(2023, 10, 20));
            l.report("MED-1", anna, Status.NOT_STARTED, "Inte börjat", "2023-09-01T08:00:00Z");
            l.report("MED-1", anna, Status.IN_PROGRESS, "Akademin startar i mars", "2023-09-28T08:00:00Z");
            l.report("NIV-3", anna, Status.IN_PROGRESS, "Väntar på nivåerna", "2023-09-29T08:00:00Z");
            l.report("NIV-3", anna, Status.IN_PROGRESS, "Försenad", "2023-09-30T08:00:00Z", true,
                    LocalDate.of(2024, 3, 1));

            Digest digest = new DigestService(f.database, CLOCK).digest(f.planId, null);

            assertThat(digest.date()).isEqualTo(LocalDate.of(2023, 10, 2));
            assertThat(digest.since()).isEqualTo(Instant.parse("2023-09-25T06:00:00Z"));
            assertThat(digest.areas()).hasSize(7);
            assertThat(digest.areas()).filteredOn(a -> a.code().equals("MED")).singleElement().satisfies(a -> {
                assertThat(a.inProgress()).isEqualTo(1);
                assertThat(a.unreported()).isEqualTo(4);
                assertThat(a.reportsMissing()).isEqualTo(1);
            });
            // A first report is a change too; NIV-3's second report kept its status and is not.
            assertThat(digest.changes()).extracting(Digest.Change::code).containsExactly("MED-1", "NIV-3");
            assertThat(digest.changes()).first().satisfies(c -> {
                assertThat(c.code()).isEqualTo("MED-1");
                assertThat(c.from()).isEqualTo(Status.NOT_STARTED);
                assertThat(c.to()).isEqualTo(Status.IN_PROGRESS);
                assertThat(c.ownerName()).isEqualTo("Anna Berg");
                assertThat(c.comment()).isEqualTo("Akademin startar i mars");
            });
            // Everything due in 2022 and not reached is overdue.
            assertThat(digest.overdue()).extracting(Digest.Item::code).contains("MED-1", "NV-1", "NIV-1")
                    .doesNotContain("NIV-3", "FYS-2");
            assertThat(digest.atRisk()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("NIV-3");
                assertThat(i.expectedDate()).isEqualTo(LocalDate.of(2024, 3, 1));
            });
            assertThat(digest.dependencyRisks()).extracting(DependencyRisk::chain)
                    .contains(List.of("NIV-3", "NV-1"), List.of("MED-3", "MED-2", "MED-1"))
                    // MED-4 is neither overdue nor at risk, and NV-7 (2025) is not due soon.
                    .doesNotContain(List.of("NV-7", "MED-4"));
            assertThat(digest.reportsMissing()).extracting(Digest.Item::code)
                    .containsExactlyInAnyOrder("MED-2", "NV-1");
            assertThat(digest.unreachableOwners()).containsExactly("Bo Ek");
            assertThat(digest.dueSoon()).extracting(Digest.Item::code).containsExactly("FYS-2");
            assertThat(digest.dueSoon()).extracting(Digest.Item::area).containsExactly("Fysisk infrastruktur");
            // Nobody owns the rest of the plan: a planning gap of its own, reached ones aside.
            assertThat(digest.withoutOwner()).extracting(Digest.Item::code).contains("FYS-2", "PCA-1")
                    .doesNotContain("MED-1", "MED-2", "NIV-3", "NV-1").hasSize(30);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void reports_leaders_should_not_take_at_face_value_are_flagged_with_why(TestDatabases.Kind kind) throws Exception {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var l = new LeadershipFixture(f);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            f.assign("NV-1", bo);
            f.assign("NIV-3", bo);
            f.assign("MED-1", bo);
            l.report("NV-1", bo, Status.REACHED, "Klart", "2023-05-01T08:00:00Z");
            l.report("NV-1", bo, Status.NOT_STARTED, "Beslutet upphävdes", "2023-06-01T08:00:00Z");
            l.report("NIV-3", bo, Status.IN_PROGRESS, "Försenad", "2023-09-01T08:00:00Z", true,
                    LocalDate.of(2023, 9, 15));
            l.report("MED-1", bo, Status.IN_PROGRESS, "Pågår", "2023-09-28T08:00:00Z");

            var quality = new DigestService(f.database, CLOCK).digest(f.planId, null).quality();

            assertThat(quality).extracting(q -> q.code() + " " + q.kind()).containsExactlyInAnyOrder(
                    "NV-1 STALE", "NV-1 NOT_STARTED_NEAR_DUE", "NV-1 REOPENED", "NIV-3 EXPECTED_DATE_PASSED");
            assertThat(quality).filteredOn(q -> q.kind() == se.planpuls.domain.QualityFlag.Kind.STALE)
                    .singleElement().satisfies(q -> {
                        assertThat(q.date()).isEqualTo(LocalDate.of(2023, 6, 1));
                        assertThat(q.ownerName()).isEqualTo("Bo Ek");
                    });
            // The plan's reminder policy says when a report is stale: NV-1's report of 1 June is 123 days old.
            var reminders = new ReminderService(f.database, CLOCK, WorkingCalendar.sweden());
            reminders.savePolicy(f.planId, ReminderPolicyJson.read(
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"staleAfterDays\":124}"),
                    reminders.policy(f.planId)));
            assertThat(new DigestService(f.database, CLOCK).digest(f.planId, null).quality())
                    .extracting(q -> q.code() + " " + q.kind()).doesNotContain("NV-1 STALE").contains("NV-1 REOPENED");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_quiet_week_has_no_changes_and_changes_start_after_the_last_digest(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open(), CLOCK)) {
            var l = new LeadershipFixture(f);
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            f.assign("MED-1", anna);
            var digests = new DigestService(f.database, CLOCK);

            assertThat(digests.digest(f.planId, null).changes()).isEmpty();

            l.report("MED-1", anna, Status.IN_PROGRESS, "Före förra sammanfattningen", "2023-09-27T08:00:00Z");
            l.report("MED-1", anna, Status.IN_PROGRESS, "Samma status igen", "2023-09-30T08:00:00Z");

            assertThat(digests.digest(f.planId, Instant.parse("2023-09-28T00:00:00Z")).changes()).isEmpty();
            assertThat(digests.digest(f.planId, Instant.parse("2023-09-26T00:00:00Z")).changes()).hasSize(1);
        }
    }
}
