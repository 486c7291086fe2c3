package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.db.ChannelService;
import se.planpuls.db.DigestService;
import se.planpuls.db.Fixtures;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.Owner;

/** Leadership channels: subscribing in a channel, and the digest card posted there. */
class LeadershipChannelTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "19:general_abc@thread.tacv2";
    static final String CHANNEL = "19:ledning_abc@thread.tacv2";
    static final String ADMIN_ID = "29:1admin";
    static final String ADMIN_AAD = "0a1b2c3d-0000-4000-8000-0000000000a1";
    static final String OTHER_ID = "29:1other";

    private Fixtures f;
    private FakeConnector connector;
    private TeamsBot bot;
    private ChannelService channels;
    private Owner anna;

    @BeforeEach
    void start() throws Exception {
        f = new Fixtures(TestDatabases.h2());
        connector = new FakeConnector();
        channels = new ChannelService(f.database, f.clock);
        bot = TeamsBot.create(new BotSettings("", "", ""), new BotServices(f.owners, f.milestones, f.reports,
                f.conversations, channels, f.plans), f.clock);
        f.owners.create(new NewOwner("Maria Admin", "maria@example.com", ADMIN_AAD, true));
        f.owner("Olle Ägare", "olle@example.com", "0a1b2c3d-0000-4000-8000-0000000000a2");
        anna = f.owner("Anna Berg", "anna@example.com", null);
        f.assign("MED-1", anna);
        connector.member(ADMIN_ID, "Maria Admin", "maria@example.com", ADMIN_AAD);
        connector.member(OTHER_ID, "Olle Ägare", "olle@example.com", "0a1b2c3d-0000-4000-8000-0000000000a2");
    }

    @AfterEach
    void stop() {
        connector.close();
        f.close();
    }

    @Test
    void the_bot_added_to_a_team_stores_the_channel_reference() {
        ObjectNode added = channelActivity("conversationUpdate", ADMIN_ID, TEAM, null);
        added.putArray("membersAdded").addObject().put("id", TeamsActivities.BOT_ID);
        ((ObjectNode) added.get("channelData")).put("eventType", "teamMemberAdded");

        assertThat(post(added)).isEqualTo(202);

        assertThat(f.conversations.byId(TEAM)).hasValueSatisfying(ref -> {
            assertThat(ref.kind()).isEqualTo(ConversationKind.channel);
            assertThat(ref.serviceUrl()).isEqualTo(connector.url());
        });
    }

    @Test
    void an_admin_subscribes_the_channel_with_prenumerera_and_a_second_time_changes_nothing() {
        assertThat(post(channelActivity("message", ADMIN_ID, CHANNEL + ";messageid=1", "prenumerera"))).isEqualTo(202);

        assertThat(lastText()).contains("veckosammanfattningen").contains("Förändrings- och genomförandeplan");
        assertThat(channels.all()).singleElement().satisfies(s -> {
            assertThat(s.teamId()).isEqualTo(TEAM);
            assertThat(s.channelId()).isEqualTo(CHANNEL);
            assertThat(s.serviceUrl()).isEqualTo(connector.url());
            assertThat(s.createdBy()).isEqualTo("Maria Admin");
        });

        post(channelActivity("message", ADMIN_ID, CHANNEL + ";messageid=2", "subscribe"));
        assertThat(lastText()).contains("redan");
        assertThat(channels.all()).hasSize(1);
    }

    @Test
    void only_an_admin_may_subscribe_and_only_in_a_channel() {
        post(channelActivity("message", OTHER_ID, CHANNEL + ";messageid=1", "prenumerera"));
        assertThat(lastText()).contains("Bara administratörer");

        ObjectNode personal = channelActivity("message", ADMIN_ID, "a:1admin-personal", "prenumerera");
        ((ObjectNode) personal.get("conversation")).put("conversationType", "personal").remove("isGroup");
        personal.set("channelData", JSON.createObjectNode().set("tenant",
                JSON.createObjectNode().put("id", TeamsActivities.TENANT)));
        personal.put("text", "prenumerera");
        personal.remove("entities");
        post(personal);
        assertThat(lastText()).contains("i den kanal");
        assertThat(channels.all()).isEmpty();
    }

    @Test
    void the_digest_is_posted_to_the_channel_as_one_swedish_card_with_the_map() {
        post(channelActivity("message", ADMIN_ID, CHANNEL + ";messageid=1", "prenumerera"));
        var subscription = channels.all().get(0);
        var digest = new DigestService(f.database, f.clock).digest(f.planId, Instant.parse("2026-11-15T07:00:00Z"));
        connector.clear();

        bot.postDigest(subscription, digest, "https://planpuls.example/plans/1/map?key=k",
                "https://planpuls.example/plans/1/map.png?key=k").join();

        var create = connector.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().endsWith("/v3/conversations")).findFirst().orElseThrow();
        JsonNode body = create.body();
        assertThat(body.path("isGroup").asBoolean()).isTrue();
        assertThat(body.path("channelData").path("channel").path("id").asText()).isEqualTo(CHANNEL);
        JsonNode card = body.path("activity").path("attachments").get(0).path("content");
        String text = card.toString();
        assertThat(text).contains("Veckosammanfattning").contains("Läget per insatsområde")
                .contains("Inga ändringar den här veckan").contains("Försenade milstolpar")
                .contains("Risk för försening genom beroenden").contains("**NIV-3**").contains("Rapporter saknas")
                .contains("Anna Berg").contains("Ägare som Planpuls inte når")
                .contains("Ska vara uppnådda inom 30 dagar").contains("Rapporter att granska");
        assertThat(card.path("actions").get(0).path("url").asText()).endsWith("/plans/1/map?key=k");
        assertThat(text).contains("map.png?key=k");
    }

    @Test
    void a_channel_subscribed_in_english_gets_the_digest_and_the_review_in_english() {
        post(channelActivity("message", ADMIN_ID, CHANNEL + ";messageid=1", "hjälp"));
        var english = channels.subscribe(f.planId, TEAM, CHANNEL, null, "en", "admin");
        var digest = new DigestService(f.database, f.clock).digest(f.planId, Instant.parse("2026-11-15T07:00:00Z"));
        var review = new se.planpuls.db.AnnualReviewService(f.database, f.clock, se.planpuls.domain.calendar.WorkingCalendar.sweden()).take(f.planId, 2023);
        connector.clear();

        bot.postDigest(english, digest, null, null).join();
        bot.postAnnualReview(english, review, null, null).join();

        var posts = connector.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().endsWith("/v3/conversations")).map(c -> c.body().toString()).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0)).contains("Weekly digest").contains("Status per priority area")
                .doesNotContain("Veckosammanfattning");
        assertThat(posts.get(1)).contains("Total").doesNotContain("Totalt");
    }

    @Test
    void the_annual_review_summary_is_posted_to_the_channel_with_counts_per_area() {
        post(channelActivity("message", ADMIN_ID, CHANNEL + ";messageid=1", "prenumerera"));
        var review = new se.planpuls.db.AnnualReviewService(f.database, f.clock, se.planpuls.domain.calendar.WorkingCalendar.sweden()).take(f.planId, 2023);
        connector.clear();

        bot.postAnnualReview(channels.all().get(0), review, "https://planpuls.example/plans/1/map?key=k",
                "https://planpuls.example/plans/1/annual-review.pdf?year=2023&key=k").join();

        var create = connector.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().endsWith("/v3/conversations")).findFirst().orElseThrow();
        assertThat(create.body().path("channelData").path("channel").path("id").asText()).isEqualTo(CHANNEL);
        String card = create.body().path("activity").path("attachments").get(0).path("content").toString();
        assertThat(card).contains("Årlig uppföljning 2023").contains("32 milstolpar").contains("Medarbetare")
                .contains("Totalt").contains("⚪ 32").contains("Uppföljningen som PDF")
                .contains("annual-review.pdf?year=2023&key=k");
    }

    private ObjectNode channelActivity(String type, String userId, String conversationId, String text) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type).put("id", "1700000000" + System.nanoTime() % 1000)
                .put("timestamp", "2026-11-22T08:30:01.123Z").put("serviceUrl", connector.url())
                .put("channelId", "msteams").put("locale", "sv-SE");
        a.putObject("from").put("id", userId).put("name", userId);
        a.putObject("conversation").put("isGroup", true).put("conversationType", "channel")
                .put("tenantId", TeamsActivities.TENANT).put("id", conversationId);
        a.putObject("recipient").put("id", TeamsActivities.BOT_ID).put("name", "Planpuls");
        ObjectNode data = a.putObject("channelData");
        data.put("teamsChannelId", CHANNEL).put("teamsTeamId", TEAM);
        data.putObject("channel").put("id", CHANNEL);
        data.putObject("team").put("id", TEAM);
        data.putObject("tenant").put("id", TeamsActivities.TENANT);
        if (text != null) {
            a.put("text", "<at>Planpuls</at> " + text).put("textFormat", "plain");
            a.putArray("entities").addObject().put("type", "mention").put("text", "<at>Planpuls</at>")
                    .putObject("mentioned").put("id", TeamsActivities.BOT_ID).put("name", "Planpuls");
        }
        return a;
    }

    private int post(ObjectNode activity) {
        return bot.process(null, activity.toString()).join().status();
    }

    private String lastText() {
        var sent = connector.sent();
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1).path("text").asText();
    }
}
