package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * A deadline reminder as a Teams user meets it, with the service's clock set to Monday 23 November
 * 2026, 08:30 in Stockholm: a milestone due in 5 working days brings its owner a reminder card in
 * the Agents Playground, and running the job again sends nothing new.
 */
class ReminderThroughTeamsE2ETest extends PlanpulsE2E {
    static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    @Override
    Clock clock() {
        return MONDAY;
    }

    @Test
    void a_milestone_due_in_5_working_days_brings_its_owner_one_reminder_card() throws Exception {
        long alex = api("POST", "/api/v1/owners", "{\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\"}")
                .path("id").asLong();
        long dig3 = milestoneId("DIG-3");
        // Monday 30 November is 5 working days after Monday 23 November.
        api("PATCH", "/api/v1/milestones/" + dig3, "{\"ownerId\":" + alex + ",\"dueDate\":\"2026-11-30\"}");
        String chat = playground.personalChatId();
        sayFromASwedishClient("hjälp");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("my milestones"), WAIT);
        assertThat(api("GET", "/api/v1/owners?reachable=false", null)).isEmpty();

        int before = playground.activities().size();
        JsonNode run = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(run.path("summary").asText()).isEqualTo("1 due: 1 sent, 0 noted, 0 failed, 0 skipped");
        var reminder = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("Påminnelse från Planpuls"), WAIT);
        assertThat(reminder.conversationId()).isEqualTo(chat);
        assertThat(reminder.adaptiveCard().toString()).contains("DIG-3").contains("30 nov 2026")
                .contains("om 5 arbetsdagar").contains("Input.ChoiceSet").contains("\"milestoneId\":" + dig3);
        JsonNode sent = api("GET", "/api/v1/reminders?status=sent&owner=" + alex, null);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.path("kind").asText()).isEqualTo("deadline");
            assertThat(r.path("step").asInt()).isEqualTo(5);
        });

        JsonNode again = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(again.path("summary").asText()).isEqualTo("0 due: 0 sent, 0 noted, 0 failed, 0 skipped");
        Thread.sleep(2_000);
        assertThat(playground.activities().subList(before, playground.activities().size()))
                .filteredOn(a -> a.fromBot() && a.adaptiveCard() != null).hasSize(1);
        assertThat(api("GET", "/api/v1/reminders?status=sent", null)).hasSize(1);
    }

    @Test
    void an_owner_writing_from_an_english_teams_client_gets_the_reminder_in_english() throws Exception {
        long alex = createOwner("Alex Wilber", "alexw@example.com");
        long dig3 = milestoneId("DIG-3");
        api("PATCH", "/api/v1/milestones/" + dig3, "{\"ownerId\":" + alex + ",\"dueDate\":\"2026-11-30\"}");
        String chat = playground.personalChatId();
        // The playground's client is en-US; Alex chose no language.
        playground.sendAsUser(chat, "user-id-0", "help");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("How to use Planpuls"), WAIT);

        JsonNode run = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(run.path("summary").asText()).isEqualTo("1 due: 1 sent, 0 noted, 0 failed, 0 skipped");
        var reminder = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("DIG-3"), WAIT);
        assertThat(reminder.conversationId()).isEqualTo(chat);
        assertThat(reminder.adaptiveCard().toString()).contains("Reminder from Planpuls").contains("in 5 working days")
                .doesNotContain("Påminnelse");
    }
}
