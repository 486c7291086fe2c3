package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.db.Fixtures;
import se.planpuls.db.ReachService;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.Owner;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;

/**
 * Owners reached from day one, through the real adapter and a local Teams connector. The cases:
 *
 * <pre>
 * | what happens                                        | what the bot does                                     |
 * | the app is installed in a team                      | reads the roster page by page, opens a 1:1 chat with  |
 * |                                                     | each owner without one, welcomes them once            |
 * | the same install again, or the daily run            | nothing new: nobody is welcomed twice                 |
 * | an owner who already wrote to the bot               | no welcome (they know the bot)                        |
 * | a member who is no owner                            | nothing, and nothing about them is kept               |
 * | an owner who chose English                          | the welcome in English                                |
 * | Teams refuses one chat (403)                        | the others are welcomed; the owner's reason says why  |
 * | a member joins the team later                       | their roster is read again: the newcomer is welcomed  |
 * | the app is removed from the team                    | the team is forgotten; the daily run reads nothing    |
 * | an owner adds the app themselves (personal scope)   | the chat is stored: they are reachable                |
 * | a reminder after the welcome                        | goes to the chat the bot opened                       |
 * | an owner on leave                                   | not welcomed until the leave is over                  |
 * | an install event without a team, or with junk       | no crash, nothing recorded                            |
 * | a roster with junk (no id, huge or odd addresses)   | skipped or unmatched, no crash                        |
 * </pre>
 */
class OwnerReachTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = "19:abc123@thread.tacv2";
    static final String ANNA_AAD = "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b";

    private Fixtures f;
    private FakeConnector connector;
    private TeamsBot bot;
    private ReachService reach;
    private Owner anna;
    private Owner bo;
    private Owner cilla;
    private SimpleMeterRegistry metrics;

    @BeforeEach
    void start() throws Exception {
        f = new Fixtures(TestDatabases.h2());
        connector = new FakeConnector();
        reach = new ReachService(f.database, f.clock);
        metrics = new SimpleMeterRegistry();
        bot = TeamsBot.create(new BotSettings("", "", ""), new BotServices(f.owners, f.milestones, f.reports,
                f.conversations, null, null, null, reach), f.clock, metrics);
        anna = f.owner("Anna Berg", "anna.berg@example.com", ANNA_AAD);
        bo = f.owner("Bo Ek", "bo.ek@example.com", null);
        cilla = f.owner("Cilla Ström", "cilla@example.com", null);
        f.assign("MED-1", anna);
        f.assign("DIG-4", anna);
        f.assign("NV-1", bo);
        connector.rosterMember("29:1anna", "Anna Berg", "someone.else@example.com", ANNA_AAD);
        connector.rosterMember("29:1bo", "Bo Ek", "Bo.Ek@example.com", "7b3d5b2f-4a1d-4b6f-8e7c-2d3e4f5a6b7c");
        connector.rosterMember("29:1sven", "Sven Okänd", "sven@example.com", "0b1c2d3e-0000-4000-8000-000000000009");
        connector.rosterMember("29:1cilla", "Cilla Ström", "cilla@example.com", "1c2d3e4f-0000-4000-8000-00000000000c");
    }

    @AfterEach
    void stop() {
        bot.close();
        connector.close();
        f.close();
    }

    @Test
    void installing_the_app_in_a_team_welcomes_each_owner_of_its_roster_once_in_a_chat_of_their_own() {
        assertThat(post(teamEvent("installationUpdate", "add"))).isEqualTo(202);
        bot.reachOwners().join();

        List<JsonNode> chats = connector.created();
        assertThat(chats).hasSize(3);
        assertThat(chats).allSatisfy(chat -> {
            assertThat(chat.path("isGroup").asBoolean()).isFalse();
            assertThat(chat.path("tenantId").asText()).isEqualTo(TeamsActivities.TENANT);
            assertThat(chat.path("channelData").path("tenant").path("id").asText()).isEqualTo(TeamsActivities.TENANT);
            assertThat(chat.path("bot").path("id").asText()).isEqualTo(TeamsActivities.BOT_ID);
        });
        assertThat(chats).extracting(c -> c.path("members").get(0).path("id").asText())
                .containsExactly("29:1anna", "29:1bo", "29:1cilla");
        String welcome = welcomeTo(anna);
        assertThat(welcome).startsWith("Hej Anna! Jag är **Planpuls**").contains("Du är ansvarig för:")
                .contains("**MED-1**").contains("**DIG-4**").contains("mina milstolpar");
        assertThat(welcomeTo(cilla)).contains("inte som ansvarig för någon milstolpe");
        assertThat(f.conversations.personalOf(anna.id())).hasValueSatisfying(c -> {
            assertThat(c.conversationId()).startsWith("a:chat-");
            assertThat(c.teamsUserId()).isEqualTo("29:1anna");
        });
        assertThat(f.owners.byId(bo.id()).teamsUserId()).isEqualTo("29:1bo");
        assertThat(reach.unreachableReasons()).isEmpty();
        assertThat(metrics.counter("planpuls.owners.welcomed", "outcome", "sent").count()).isEqualTo(3);

        connector.clear();
        post(teamEvent("installationUpdate", "add"));
        var again = bot.reachOwners().join();

        assertThat(connector.created()).as("nobody is welcomed twice").isEmpty();
        assertThat(connector.sent()).isEmpty();
        assertThat(again.welcomed()).isZero();
        assertThat(again.reachable()).isEqualTo(3);
    }

    @Test
    void the_roster_is_read_page_by_page() {
        connector.rosterPageSize(1);
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);

        var summary = bot.reachOwners().join();

        assertThat(summary.members()).isEqualTo(4);
        assertThat(summary.owners()).isEqualTo(3);
        assertThat(summary.welcomed()).isEqualTo(3);
        assertThat(connector.calls()).filteredOn(c -> c.path().endsWith("/pagedmembers")).hasSize(4);
    }

    @Test
    void an_owner_who_already_wrote_to_the_bot_gets_no_welcome_and_one_who_chose_english_gets_it_in_english() {
        connector.member("29:1anna", "Anna Berg", "anna.berg@example.com", ANNA_AAD);
        var annaUser = new TeamsActivities.User("29:1anna", "Anna Berg", ANNA_AAD, "sv-SE");
        post(new TeamsActivities(connector.url()).message(annaUser, "hjälp"));
        f.owners.setLocale(bo.id(), "en");
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);
        connector.clear();

        bot.reachOwners().join();

        assertThat(connector.created()).extracting(c -> c.path("members").get(0).path("id").asText())
                .containsExactly("29:1bo", "29:1cilla");
        assertThat(welcomeTo(bo)).startsWith("Hi Bo! I am **Planpuls**").contains("**NV-1**");
    }

    @Test
    void a_chat_teams_refuses_leaves_the_others_welcomed_and_the_owner_listed_with_why() {
        connector.refuseChatWith("29:1bo", 403);
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);

        var summary = bot.reachOwners().join();

        assertThat(summary.welcomed()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(reach.unreachableReasons()).containsOnlyKeys(bo.id())
                .containsEntry(bo.id(), "the bot could not open a chat: connector answered 403");
    }

    @Test
    void a_member_who_joins_later_is_welcomed_when_teams_says_they_joined() throws Exception {
        connector.rosterMember("29:1dan", "Dan Ek", "dan@example.com", null);
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);
        bot.reachOwners().join();
        var dan = f.owner("Dan Ek", "dan@example.com", null);
        connector.clear();

        ObjectNode joined = teamEvent("conversationUpdate", null);
        joined.putArray("membersAdded").addObject().put("id", "29:1dan");
        post(joined);
        bot.reachOwners().join();

        assertThat(connector.created()).singleElement()
                .satisfies(c -> assertThat(c.path("members").get(0).path("id").asText()).isEqualTo("29:1dan"));
        assertThat(f.conversations.personalOf(dan.id())).isPresent();
    }

    @Test
    void removing_the_app_from_the_team_forgets_the_team() {
        post(teamEvent("installationUpdate", "add"));
        bot.reachOwners().join();

        post(teamEvent("installationUpdate", "remove"));
        connector.clear();
        var summary = bot.reachOwners().join();

        assertThat(reach.teams()).isEmpty();
        assertThat(summary.teams()).isZero();
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void an_owner_who_adds_the_app_themselves_is_reachable_from_that_moment() {
        connector.member("29:1cilla", "Cilla Ström", "cilla@example.com", null);
        var teams = new TeamsActivities(connector.url());
        ObjectNode install = (ObjectNode) read(teams.message(new TeamsActivities.User("29:1cilla", "Cilla Ström",
                null, "sv-SE"), "x"));
        install.put("type", "installationUpdate").put("action", "add").remove("text");

        assertThat(post(install)).isEqualTo(202);

        assertThat(f.conversations.personalOf(cilla.id())).isPresent();
        assertThat(reach.unreachableReasons()).doesNotContainKey(cilla.id());
    }

    @Test
    void a_reminder_after_the_welcome_goes_to_the_chat_the_bot_opened() {
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);
        bot.reachOwners().join();
        String chat = f.conversations.personalOf(anna.id()).orElseThrow().conversationId();
        connector.clear();

        bot.sendReminder(new DueReminder(new ReminderKey(f.milestone("MED-1").milestone().id(), ReminderKind.DEADLINE,
                LocalDate.of(2026, 12, 31), 5), anna.id(), LocalDate.of(2026, 11, 23))).join();

        assertThat(connector.calls()).filteredOn(c -> c.method().equals("POST"))
                .singleElement().satisfies(c -> assertThat(c.path()).contains("/v3/conversations/" + chat + "/activities"));
    }

    @Test
    void an_owner_on_leave_is_welcomed_only_once_the_leave_is_over() {
        f.owners.leave(bo.id(), LocalDate.now(f.clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE)));
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);

        bot.reachOwners().join();

        assertThat(f.conversations.personalOf(bo.id())).isEmpty();
        assertThat(reach.unreachableReasons().get(bo.id())).startsWith("in a team with Planpuls; on leave until");
        f.owners.leave(bo.id(), null);
        bot.reachOwners().join();
        assertThat(f.conversations.personalOf(bo.id())).isPresent();
    }

    @Test
    void a_roster_with_junk_is_read_without_harm() {
        connector.rosterMember("", "No id", "cilla@example.com", null);
        connector.rosterMember("29:1huge", "x".repeat(5000), "x".repeat(5000) + "@example.com", "\u0000" + "y".repeat(300));
        connector.rosterMember("29:1ctl", "Ctl\u001b[31m", "bo.ek@example.com\u0000", null);
        reach.teamSeen(TEAM, "Team", connector.url(), TeamsActivities.TENANT, TeamsActivities.BOT_ID);

        var summary = bot.reachOwners().join();

        assertThat(summary.failedTeams()).isZero();
        assertThat(summary.welcomed()).isEqualTo(3);
        assertThat(connector.created()).extracting(c -> c.path("members").get(0).path("id").asText())
                .containsExactly("29:1anna", "29:1bo", "29:1cilla");
    }

    @Test
    void install_events_without_a_team_or_with_junk_change_nothing() {
        ObjectNode noTeam = teamEvent("installationUpdate", "add");
        ((ObjectNode) noTeam.get("channelData")).remove("team");
        assertThat(post(noTeam)).isEqualTo(202);
        ObjectNode junk = teamEvent("installationUpdate", "add\u0000" + "x".repeat(10_000));
        ((ObjectNode) junk.get("channelData")).putObject("team").put("id", "  ").put("name", "\u0000");
        // A NUL is refused before the turn, like any control character in an activity.
        assertThat(post(junk)).isEqualTo(400);
        ObjectNode blankTeam = teamEvent("installationUpdate", "add");
        ((ObjectNode) blankTeam.get("channelData")).putObject("team").put("id", "  ").put("name", "x".repeat(10_000));
        assertThat(post(blankTeam)).isEqualTo(202);
        ObjectNode wrongType = teamEvent("conversationUpdate", null);
        wrongType.put("membersAdded", "not a list");
        assertThat(post(wrongType)).isLessThan(500);

        assertThat(reach.teams()).isEmpty();
    }

    /** The text the bot wrote in the chat it stored for the owner. */
    private String welcomeTo(Owner owner) {
        String conversation = f.conversations.personalOf(owner.id()).orElseThrow().conversationId();
        return connector.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().contains("/v3/conversations/" + conversation + "/activities"))
                .map(c -> c.body().path("text").asText()).findFirst().orElseThrow();
    }

    /** An installation or membership event in the team's General channel, as Teams sends it. */
    private ObjectNode teamEvent(String type, String action) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type).put("id", "f:" + System.nanoTime()).put("channelId", "msteams")
                .put("serviceUrl", connector.url()).put("timestamp", "2026-11-22T07:19:29Z");
        if (action != null) {
            a.put("action", action);
        }
        a.putObject("from").put("id", "29:1admin").put("aadObjectId", "0a1b2c3d-0000-4000-8000-0000000000a1");
        a.putObject("recipient").put("id", TeamsActivities.BOT_ID).put("name", "Planpuls");
        a.putObject("conversation").put("isGroup", true).put("conversationType", "channel")
                .put("tenantId", TeamsActivities.TENANT).put("id", TEAM);
        ObjectNode data = a.putObject("channelData");
        data.putObject("team").put("id", TEAM).put("name", "Ledningsgruppen");
        data.putObject("tenant").put("id", TeamsActivities.TENANT);
        return a;
    }

    private int post(JsonNode activity) {
        return post(activity.toString());
    }

    private int post(String activity) {
        return bot.process(null, activity).join().status();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
