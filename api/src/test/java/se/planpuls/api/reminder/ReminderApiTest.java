package se.planpuls.api.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.ApiClient;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.api.TestConfigs;
import se.planpuls.domain.calendar.WorkingCalendar;

/** The reminder endpoints through the real server, on a fixed Monday: 23 November 2026, 08:30 in Stockholm. */
class ReminderApiTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    @TempDir
    Path dataDir;
    private PlanpulsApp app;
    private ApiClient api;

    @BeforeEach
    void start() {
        var config = TestConfigs.inMemory(dataDir, TOKEN);
        app = PlanpulsApp.create(config, MONDAY).start();
        api = new ApiClient(app.port(), TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long ownerWithMilestoneDueIn5WorkingDays() {
        long owner = api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\"}").json()
                .path("id").asLong();
        long milestone = api.get("/api/v1/milestones?q=DIG-3").json().get(0).path("id").asLong();
        // Monday 30 November is 5 working days after Monday 23 November.
        assertThat(api.patch("/api/v1/milestones/" + milestone, "{\"ownerId\":" + owner + ",\"dueDate\":\"2026-11-30\"}")
                .status()).isEqualTo(200);
        return owner;
    }

    @Test
    void a_plans_policy_starts_at_the_defaults_and_a_put_replaces_it() {
        JsonNode policy = api.get("/api/v1/plans/1/reminder-policy").json();
        assertThat(policy.path("deadlineDays").toString()).isEqualTo("[20,10,5,1]");
        assertThat(policy.path("reviewDays").toString()).isEqualTo("[15,5]");
        assertThat(policy.path("quietPeriod").path("weekday").asText()).isEqualTo("MONDAY");

        var put = api.send("PUT", "/api/v1/plans/1/reminder-policy",
                "{\"deadlineDays\":[10,3],\"reviewDate\":\"02-15\",\"quietPeriod\":null}", TOKEN);

        assertThat(put.status()).isEqualTo(200);
        JsonNode changed = api.get("/api/v1/plans/1/reminder-policy").json();
        assertThat(changed.path("deadlineDays").toString()).isEqualTo("[10,3]");
        assertThat(changed.path("reviewDate").asText()).isEqualTo("02-15");
        assertThat(changed.path("quietPeriod").isNull()).isTrue();
        assertThat(changed.path("checkInMonths").asInt()).isEqualTo(1);
    }

    @Test
    void a_bad_policy_is_refused_naming_the_field_and_nothing_is_changed() {
        var zero = api.send("PUT", "/api/v1/plans/1/reminder-policy", "{\"deadlineDays\":[5,0]}", TOKEN);
        var unknown = api.send("PUT", "/api/v1/plans/1/reminder-policy", "{\"weekly\":true}", TOKEN);
        var date = api.send("PUT", "/api/v1/plans/1/reminder-policy", "{\"reviewDate\":\"02-30\"}", TOKEN);
        var notJson = api.send("PUT", "/api/v1/plans/1/reminder-policy", "{", TOKEN);
        var noPlan = api.send("PUT", "/api/v1/plans/99/reminder-policy", "{}", TOKEN);

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors").toString()).contains("deadlineDays");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").toString()).contains("weekly");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().path("errors").toString()).contains("reviewDate");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(noPlan.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/plans/1/reminder-policy").json().path("deadlineDays").toString())
                .isEqualTo("[20,10,5,1]");
    }

    @Test
    void the_schedule_shows_what_is_due_and_the_job_records_an_unreachable_owner_as_failed() {
        long owner = ownerWithMilestoneDueIn5WorkingDays();

        JsonNode scheduled = api.get("/api/v1/reminders?status=scheduled&owner=" + owner).json();
        assertThat(scheduled).anySatisfy(r -> {
            assertThat(r.path("kind").asText()).isEqualTo("deadline");
            assertThat(r.path("step").asInt()).isEqualTo(5);
            assertThat(r.path("plannedFor").asText()).isEqualTo("2026-11-23");
            assertThat(r.path("milestoneCode").asText()).isEqualTo("DIG-3");
        });

        var run = api.post("/api/v1/jobs/reminders/run", null);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("summary").asText()).contains("1 failed");

        JsonNode failed = api.get("/api/v1/reminders?status=failed").json();
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.path("recipientOwnerId").asLong()).isEqualTo(owner);
            assertThat(r.path("lastError").asText()).contains("no stored personal chat");
            assertThat(r.path("nextAttemptAt").asText()).isNotEmpty();
        });
        assertThat(api.get("/api/v1/owners?reachable=false").json()).extracting(o -> o.path("id").asLong())
                .containsExactly(owner);
        assertThat(api.get("/api/v1/owners?reachable=true").json()).isEmpty();
        assertThat(api.post("/api/v1/jobs/reminders/run", null).json().path("summary").asText())
                .as("not retried before its time").contains("1 skipped");
    }

    @Test
    void the_reminder_jobs_are_listed_and_bad_filters_are_named() {
        assertThat(api.get("/api/v1/jobs").json()).extracting(j -> j.path("name").asText())
                .contains("reminders", "reminder-retries");
        assertThat(api.get("/api/v1/reminders?status=lost").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reminders?owner=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reminders?owner=999").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/owners?reachable=maybe").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reminders/report-missing").json()).isEmpty();
    }
}
