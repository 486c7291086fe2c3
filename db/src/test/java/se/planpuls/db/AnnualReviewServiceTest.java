package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.Map;
import se.planpuls.domain.Actor;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.ReviewNotes;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;

class AnnualReviewServiceTest {

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_review_lists_the_milestones_of_each_year_with_status_comment_and_effects_seen(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var l = new LeadershipFixture(f);
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            l.report("MED-1", anna, Status.REACHED, "Akademin är igång", "2023-05-01T08:00:00Z");
            long effect = f.milestones.effects(l.id("MED-1")).get(0).id();
            f.database.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO report_effects (report_id, effect_id) SELECT MAX(id), ? FROM status_reports", effect));

            AnnualReview review = new AnnualReviewService(f.database, f.clock, WorkingCalendar.sweden()).review(f.planId, 2023);

            assertThat(review.snapshot()).isFalse();
            assertThat(review.entries()).hasSize(32);
            assertThat(review.entries()).extracting(AnnualReview.Entry::dueYear).containsOnly(2022, 2023);
            assertThat(review.entries()).filteredOn(e -> e.milestoneCode().equals("MED-1")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.groupName()).isEqualTo("Förutsättningar");
                        assertThat(e.areaName()).isEqualTo("Medarbetare");
                        assertThat(e.status()).isEqualTo(Status.REACHED);
                        assertThat(e.lastComment()).isEqualTo("Akademin är igång");
                        assertThat(e.effectsSeen()).containsExactly(f.milestones.effects(l.id("MED-1")).get(0).text());
                    });
            assertThat(new AnnualReviewService(f.database, f.clock, WorkingCalendar.sweden()).review(f.planId, 2022).entries()).hasSize(17);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_report_after_the_review_date_does_not_change_the_review_and_one_before_it_does(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var l = new LeadershipFixture(f);
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var reviews = new AnnualReviewService(f.database, f.clock, WorkingCalendar.sweden());
            l.report("MED-3", anna, Status.IN_PROGRESS, "Pågår", "2023-05-01T08:00:00Z");
            long effect = f.milestones.effects(l.id("MED-3")).get(0).id();
            // The review of 2023 is held on the last working day of January 2024, Wednesday 31 January.
            l.report("MED-3", anna, Status.REACHED, "Klar i Stockholm före midnatt", "2024-01-31T22:59:00Z");
            l.report("MED-3", anna, Status.IN_PROGRESS, "Öppnad igen", "2024-01-31T23:00:00Z");
            f.database.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO report_effects (report_id, effect_id) SELECT MAX(id), ? FROM status_reports", effect));
            l.report("MED-4", anna, Status.REACHED, "Klart 2026", "2026-03-01T08:00:00Z");

            AnnualReview review = reviews.review(f.planId, 2023);

            assertThat(review.asOf()).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(review.entries()).filteredOn(e -> e.milestoneCode().equals("MED-3")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(Status.REACHED);
                        assertThat(e.lastComment()).isEqualTo("Klar i Stockholm före midnatt");
                        assertThat(e.effectsSeen()).isEmpty();
                    });
            assertThat(review.entries()).filteredOn(e -> e.milestoneCode().equals("MED-4")).singleElement()
                    .satisfies(e -> assertThat(e.status()).isNull());

            AnnualReview earlier = reviews.review(f.planId, 2023, LocalDate.of(2023, 6, 30));
            assertThat(earlier.asOf()).isEqualTo(LocalDate.of(2023, 6, 30));
            assertThat(earlier.entries()).filteredOn(e -> e.milestoneCode().equals("MED-3")).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(Status.IN_PROGRESS));
            AnnualReview today = reviews.review(f.planId, 2023, LocalDate.of(2030, 1, 1));
            assertThat(today.asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(today.entries()).filteredOn(e -> e.milestoneCode().equals("MED-4")).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(Status.REACHED));
            assertThat(today.entries()).filteredOn(e -> e.milestoneCode().equals("MED-3")).singleElement()
                    .satisfies(e -> assertThat(e.effectsSeen()).hasSize(1));
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_snapshot_stays_as_it_was_after_a_milestone_moves_and_new_reports(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var l = new LeadershipFixture(f);
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            l.report("MED-3", anna, Status.IN_PROGRESS, "Pågår", "2023-05-01T08:00:00Z");
            var reviews = new AnnualReviewService(f.database, f.clock, WorkingCalendar.sweden());
            AnnualReview taken = reviews.take(f.planId, 2023);

            f.moveDue(l.id("MED-3"), LocalDate.of(2024, 6, 30));
            l.report("MED-4", anna, Status.REACHED, "Klart", "2023-12-01T08:00:00Z");

            AnnualReview read = reviews.review(f.planId, 2023);
            assertThat(read.snapshot()).isTrue();
            assertThat(read.takenAt()).isEqualTo(taken.takenAt());
            assertThat(read.asOf()).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(read.entries()).isEqualTo(taken.entries());
            assertThat(read.entries()).filteredOn(e -> e.milestoneCode().equals("MED-3")).singleElement()
                    .satisfies(e -> assertThat(e.dueYear()).isEqualTo(2023));
            assertThat(read.entries()).filteredOn(e -> e.milestoneCode().equals("MED-4")).singleElement()
                    .satisfies(e -> assertThat(e.status()).isNull());
            assertThat(reviews.review(f.planId, 2024).snapshot()).isFalse();
            assertThatThrownBy(() -> reviews.review(f.planId, 1999)).isInstanceOf(InvalidInputException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_regions_summary_and_assessments_are_saved_audited_and_kept_with_the_snapshot(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var reviews = new AnnualReviewService(f.database, f.clock, WorkingCalendar.sweden());
            var anna = new Actor("anna.berg@example.com", "api");

            ReviewNotes first = reviews.saveNotes(f.planId, 2023, new ReviewNotes("Året i korthet: två av tre klara.",
                    Map.of("MED", "Ledarskapsakademin är igång; kompetensförsörjningsplanen dröjer."), 0), null, anna);
            assertThat(first.version()).isEqualTo(1);
            AnnualReview review = reviews.review(f.planId, 2023);
            assertThat(review.notes().summary()).isEqualTo("Året i korthet: två av tre klara.");
            assertThat(review.areas()).extracting(AnnualReview.AreaPart::code)
                    .containsExactly("PCA", "HFI", "NV", "NIV", "MED", "DIG", "FYS");
            assertThat(review.areas()).filteredOn(a -> a.code().equals("MED")).singleElement().satisfies(a -> {
                assertThat(a.note()).startsWith("Ledarskapsakademin är igång");
                assertThat(a.goalImage()).isNotBlank();
            });
            assertThat(review.entries()).filteredOn(e -> e.milestoneCode().equals("MED-1")).singleElement()
                    .satisfies(e -> assertThat(e.effectsExpected()).isNotEmpty());

            AnnualReview taken = reviews.take(f.planId, 2023);
            reviews.saveNotes(f.planId, 2023, new ReviewNotes("Omskriven efteråt", Map.of(), 0), 1, anna);
            AnnualReview read = reviews.review(f.planId, 2023);
            assertThat(read.snapshot()).isTrue();
            assertThat(read.notes().summary()).isEqualTo("Året i korthet: två av tre klara.");
            assertThat(read.areas()).isEqualTo(taken.areas());
            assertThat(read.entries()).isEqualTo(taken.entries());
            assertThat(reviews.notes(f.planId, 2023).summary()).isEqualTo("Omskriven efteråt");
            assertThat(reviews.notes(f.planId, 2023).areas()).isEmpty();

            assertThatThrownBy(() -> reviews.saveNotes(f.planId, 2023, new ReviewNotes("x", Map.of(), 0), 1, anna))
                    .isInstanceOf(VersionConflictException.class);
            assertThatThrownBy(() -> reviews.saveNotes(f.planId, 2023, new ReviewNotes("x", Map.of("XYZ", "y"), 0),
                    null, anna)).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("areas.XYZ"));
            assertThatThrownBy(() -> reviews.saveNotes(f.planId, 2023,
                    new ReviewNotes("å".repeat(ReviewNotes.MAX_SUMMARY + 1), Map.of(), 0), null, anna))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("summary"));
            assertThat(new AuditService(f.database).ofPlan(f.planId))
                    .filteredOn(e -> e.entity().equals("annual_review_notes"))
                    .extracting(e -> e.action() + " " + e.actor())
                    .containsExactly("create anna.berg@example.com", "update anna.berg@example.com");
        }
    }
}
