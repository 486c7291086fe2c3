package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Leaders' side through the Agents Playground as Teams: an admin subscribes the "Announcements"
 * channel of "My Team" with {@code @Planpuls prenumerera}, and the digest run posts one Swedish card
 * into that channel, even though no owner has answered; taking the annual review posts its summary there.
 */
class LeadersGetTheDigestThroughTeamsE2ETest extends PlanpulsE2E {

    @Test
    void an_admin_subscribes_a_channel_and_the_digest_is_posted_there() throws Exception {
        api("POST", "/api/v1/owners", "{\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\",\"admin\":true}");
        String channel = playground.channelId("My Team", "Announcements");

        playground.sendAsUser(channel, "user-id-0", "prenumerera");

        var confirmed = playground.awaitBotActivity(a -> a.text() != null && a.text().contains("weekly digest"), WAIT);
        assertThat(confirmed.text()).contains("This channel now gets");
        JsonNode subscriptions = api("GET", "/api/v1/channels", null);
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).path("channelId").asText()).isEqualTo(channel);
        assertThat(subscriptions.get(0).path("teamId").asText()).isEqualTo("team-id");

        JsonNode run = api("POST", "/api/v1/jobs/digest/run", null);

        assertThat(run.path("summary").asText()).isEqualTo("1 channels posted, 0 failed");
        // A channel post is a group createConversation carrying the card; the playground answers with
        // the new thread in the channel and shows the card as its first message. (Alex, an owner in
        // the team, is also welcomed in a 1:1 chat of his own: that createConversation is no group.)
        var post = playground.awaitActivity(a -> a.fromBot() && "createConversation".equals(a.name())
                && a.body().path("isGroup").asBoolean(), WAIT);
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.id()).startsWith(channel + ";messageid=");
        assertThat(post.body().path("channelData").path("channel").path("id").asText()).isEqualTo(channel);
        JsonNode attachment = post.body().path("activity").path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        String card = attachment.path("content").toString();
        assertThat(card).contains("Veckosammanfattning").contains("Läget per insatsområde")
                .contains("Inga ändringar den här veckan").contains("Risk för försening genom beroenden")
                .contains("/map.png?key=");

        api("POST", "/api/v1/plans/1/annual-review?year=2023", null);

        var review = playground.awaitActivity(a -> a.fromBot() && "createConversation".equals(a.name())
                && a.body().toString().contains("Årlig uppföljning 2023"), WAIT);
        assertThat(review.id()).startsWith(channel + ";messageid=");
    }
}
