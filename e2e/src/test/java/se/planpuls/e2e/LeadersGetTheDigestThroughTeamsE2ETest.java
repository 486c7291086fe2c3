package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Leaders' side through the Agents Playground as Teams: an admin subscribes the "Announcements"
 * channel of "My Team" with {@code @Planpuls prenumerera}, and the digest run posts one Swedish card
 * into that channel that reads at a glance (the counts first, the status per area as a picture and a
 * table, the milestones without an owner on their own, the report to check); taking the annual review
 * posts its summary there.
 */
class LeadersGetTheDigestThroughTeamsE2ETest extends PlanpulsE2E {

    @Test
    void an_admin_subscribes_a_channel_and_the_digest_is_posted_there() throws Exception {
        long alex = api("POST", "/api/v1/owners",
                "{\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\",\"admin\":true}").path("id").asLong();
        assign(milestoneId("MED-1"), alex);
        String channel = playground.channelId("My Team", "Announcements");
        // Alex reports MED-1, due in 2022, as not started: a report leaders should check.
        playground.sendAsUser(playground.personalChatId(), "user-id-0", "rapportera MED-1 röd Inte påbörjad än");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("MED-1")
                && a.text().contains("Not started"), WAIT);

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
                .contains("Risk för försening genom beroenden").contains("/map.png?key=");
        // At a glance: the counts first, the status per area as a picture and a table, the gaps on their own.
        JsonNode body = attachment.path("content").path("body");
        assertThat(body.get(2).path("text").asText()).startsWith("1 ändring · 34 försenade · 0 med risk för försening")
                .endsWith(" · 33 utan ägare");
        assertThat(card).contains("\"type\":\"ColumnSet\"").contains("Milstolpar utan ägare").contains("Visa alla (33)")
                .contains("**NV-7**").contains("förutsättningar försenade").doesNotContain(" ← ");
        assertThat(card).contains("Rapporter att granska")
                .contains("MED-1 Ledarskapsakademi är inrättad: ej påbörjad men ska vara uppnådd 31 dec 2022 (Alex Wilber)");
        JsonNode picture = body.findParents("url").stream()
                .filter(n -> n.path("url").asText().contains("/status.png?key=")).findFirst().orElseThrow();
        assertThat(picture.path("altText").asText()).contains("Medarbetare: 0, 0, 1, 4");
        var png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(picture.path("url").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).as("Teams fetches the picture without our token").isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");

        api("POST", "/api/v1/plans/1/annual-review?year=2023", null);

        var review = playground.awaitActivity(a -> a.fromBot() && "createConversation".equals(a.name())
                && a.body().toString().contains("Årlig uppföljning 2023"), WAIT);
        assertThat(review.id()).startsWith(channel + ";messageid=");
    }
}
