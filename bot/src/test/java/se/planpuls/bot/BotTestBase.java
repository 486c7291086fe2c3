package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import se.planpuls.bot.TeamsActivities.User;
import se.planpuls.db.Fixtures;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.Owner;

/**
 * A bot over a fresh database with the default plan, a local Teams connector, and Anna Berg owning
 * MED-1 and DIG-4. Activities go through the real adapter exactly as Teams posts them.
 */
abstract class BotTestBase {
    static final String ANNA_AAD = "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b";
    static final User ANNA = new User("29:1anna", "Anna Berg", ANNA_AAD, "sv-SE");
    static final User BO = new User("29:1bo", "Bo Ek", "7b3d5b2f-4a1d-4b6f-8e7c-2d3e4f5a6b7c", "sv-SE");
    static final User STRANGER = new User("29:1stranger", "Sven Okänd", "0b1c2d3e-0000-4000-8000-000000000009",
            "sv-SE");

    Fixtures f;
    FakeConnector connector;
    TeamsActivities teams;
    TeamsBot bot;
    Owner anna;

    @BeforeEach
    void startBot() throws Exception {
        f = new Fixtures(TestDatabases.h2());
        connector = new FakeConnector();
        teams = new TeamsActivities(connector.url());
        bot = TeamsBot.create(new BotSettings("", "", ""),
                new BotServices(f.owners, f.milestones, f.reports, f.conversations, null, null,
                        new se.planpuls.db.PendingAnswerService(f.database, f.clock), null,
                        new se.planpuls.db.IndicatorService(f.database, f.clock)), f.clock);
        anna = f.owner("Anna Berg", "anna.berg@example.com", null);
        f.assign("MED-1", anna);
        f.assign("DIG-4", anna);
        connector.member(ANNA.teamsId(), "Anna Berg", "Anna.Berg@example.com", ANNA_AAD);
        connector.member(BO.teamsId(), "Bo Ek", "bo.ek@example.com", BO.aadObjectId());
        connector.member(STRANGER.teamsId(), "Sven Okänd", "sven@example.com", STRANGER.aadObjectId());
    }

    @AfterEach
    void stopBot() {
        connector.close();
        f.close();
    }

    long id(String code) {
        return f.milestone(code).milestone().id();
    }

    static Map<String, Object> submitValue(long milestoneId, String status, String comment) {
        Map<String, Object> value = new HashMap<>();
        value.put("planpuls", "report");
        value.put("milestoneId", milestoneId);
        if (status != null) {
            value.put("status", status);
        }
        value.put("comment", comment);
        return value;
    }

    int post(String activityJson) {
        return bot.process(null, activityJson).join().status();
    }

    /** Sends a message and returns the text of the bot's last answer. */
    String say(User user, String text) {
        connector.clear();
        post(teams.message(user, text));
        return lastText();
    }

    String lastText() {
        List<JsonNode> sent = connector.sent();
        assertThat(sent).as("the bot sent something").isNotEmpty();
        return sent.get(sent.size() - 1).path("text").asText();
    }

    JsonNode lastCard() {
        List<JsonNode> sent = connector.sent();
        assertThat(sent).as("the bot sent something").isNotEmpty();
        JsonNode last = sent.get(sent.size() - 1);
        assertThat(last.path("attachments")).as("the last message carries a card: " + last).isNotEmpty();
        return last.path("attachments").get(0).path("content");
    }
}
