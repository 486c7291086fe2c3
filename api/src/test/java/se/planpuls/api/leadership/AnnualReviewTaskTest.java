package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.ApiClient;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.api.TestConfigs;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.domain.reminder.ReminderPolicy;

/** The annual review is taken by the schedule on the plan's review date, once. */
class AnnualReviewTaskTest {
    static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;

    private PlanpulsApp start(String instant) {
        var config = TestConfigs.inMemory(dataDir, TOKEN);
        return PlanpulsApp.create(config, Clock.fixed(Instant.parse(instant), WorkingCalendar.ZONE)).start();
    }

    @Test
    void on_the_last_working_day_of_january_the_review_of_the_year_before_is_taken_once() {
        // Friday 29 January 2027, 08:00 in Stockholm: the default review date.
        try (var app = start("2027-01-29T07:00:00Z")) {
            var api = new ApiClient(app.port(), TOKEN);

            var first = api.post("/api/v1/jobs/annual-review/run", null);
            var second = api.post("/api/v1/jobs/annual-review/run", null);

            assertThat(first.json().path("summary").asText()).contains("review of 2026 taken");
            assertThat(second.json().path("summary").asText()).contains("already taken today");
            var review = api.get("/api/v1/plans/1/annual-review?year=2026").json();
            assertThat(review.path("snapshot").asBoolean()).isTrue();
            assertThat(review.path("entries")).hasSize(34);
        }
    }

    @Test
    void on_any_other_day_nothing_is_taken() {
        // Thursday 28 January 2027: a working day, but not the last one of the month.
        try (var app = start("2027-01-28T07:00:00Z")) {
            var api = new ApiClient(app.port(), TOKEN);

            var run = api.post("/api/v1/jobs/annual-review/run", null);

            assertThat(run.json().path("summary").asText()).startsWith("no plan has its review date today");
            assertThat(api.get("/api/v1/plans/1/annual-review?year=2026").json().path("snapshot").asBoolean())
                    .isFalse();
        }
    }

    @Test
    void without_a_year_the_review_is_of_this_year_by_the_services_clock() {
        try (var app = start("2027-01-28T07:00:00Z")) {
            var api = new ApiClient(app.port(), TOKEN);

            var review = api.get("/api/v1/plans/1/annual-review").json();

            assertThat(review.path("year").asInt()).isEqualTo(2027);
        }
    }

    @Test
    void a_review_date_in_the_first_half_year_reviews_the_year_before() {
        assertThat(ReminderPolicy.yearReviewed(LocalDate.of(2027, 1, 29))).isEqualTo(2026);
        assertThat(ReminderPolicy.yearReviewed(LocalDate.of(2026, 8, 28))).isEqualTo(2026);
    }
}
