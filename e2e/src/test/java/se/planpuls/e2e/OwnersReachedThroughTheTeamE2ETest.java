package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * An owner who never wrote to the bot, reached through her team: Megan Bowen (user-id-1, a member of
 * the playground's "My Team") owns DIG-3. When the app is installed in the team the bot reads its
 * roster, opens a 1:1 chat with her and welcomes her there; the reminder before DIG-3's due date
 * then reaches her in that chat. The service's clock is Monday 23 November 2026, 08:30 in Stockholm.
 */
class OwnersReachedThroughTheTeamE2ETest extends PlanpulsE2E {
    static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    @Override
    Clock clock() {
        return MONDAY;
    }

    @Test
    void an_owner_who_never_spoke_is_welcomed_when_the_app_joins_her_team_and_then_gets_her_reminder() throws Exception {
        long megan = createOwner("Megan Bowen", "meganb@example.com");
        long dig3 = milestoneId("DIG-3");
        api("PATCH", "/api/v1/milestones/" + dig3, "{\"ownerId\":" + megan + ",\"dueDate\":\"2026-11-30\"}");
        assertThat(api("GET", "/api/v1/owners?reachable=false", null)).singleElement().satisfies(o ->
                assertThat(o.path("reason").asText()).isEqualTo("not in any team with Planpuls"));

        playground.sendEvent(playground.channelId("My Team", "General"), "install");

        var welcome = playground.awaitBotActivity(a -> a.text() != null && a.text().startsWith("Hej Megan!"), WAIT);
        assertThat(welcome.text()).contains("**DIG-3**").contains("30 nov 2026").contains("mina milstolpar");
        String chat = welcome.conversationId();
        assertThat(chat).isNotIn(playground.personalChatId(), playground.groupChatId(), "team-id");
        assertThat(playground.activities()).filteredOn(a -> "getConversationPagedMembers".equals(a.name())).isNotEmpty();
        assertThat(playground.activities()).filteredOn(a -> "createConversation".equals(a.name())).singleElement()
                .satisfies(created -> assertThat(created.body().path("members").get(0).path("id").asText())
                        .isEqualTo("user-id-1"));
        assertThat(api("GET", "/api/v1/owners?reachable=false", null)).isEmpty();

        JsonNode run = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(run.path("summary").asText()).isEqualTo("1 due: 1 sent, 0 noted, 0 failed, 0 skipped");
        var reminder = playground.awaitBotActivity(a -> a.adaptiveCard() != null
                && a.adaptiveCard().toString().contains("Påminnelse från Planpuls"), WAIT);
        assertThat(reminder.conversationId()).isEqualTo(chat);
        assertThat(reminder.adaptiveCard().toString()).contains("DIG-3").contains("om 5 arbetsdagar");

        JsonNode again = api("POST", "/api/v1/jobs/reach-owners/run", null);
        assertThat(again.path("summary").asText()).contains("0 welcomed").contains("1 reachable already");
        assertThat(playground.activities()).filteredOn(a -> a.text() != null && a.text().startsWith("Hej Megan!"))
                .as("welcomed once").hasSize(1);
    }
}
