package se.planpuls.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds activity JSON shaped exactly as Teams posts it to a bot. */
final class TeamsActivities {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String BOT_ID = "28:planpuls-bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_700_000_000_000L);

    private final String serviceUrl;

    TeamsActivities(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    record User(String teamsId, String name, String aadObjectId, String locale) {
        User inEnglish() {
            return new User(teamsId, name, aadObjectId, "en-US");
        }
    }

    static String personalChat(User user) {
        return "a:1" + user.teamsId().substring(3) + "-personal";
    }

    String message(User user, String text) {
        ObjectNode a = base("message", user, personalChat(user), "personal");
        a.put("text", text).put("textFormat", "plain");
        return a.toString();
    }

    String groupMessage(User user, String conversationId, String text) {
        ObjectNode a = base("message", user, conversationId, "groupChat");
        a.put("text", "<at>Planpuls</at> " + text).put("textFormat", "plain");
        a.putArray("entities").addObject().put("type", "mention").put("text", "<at>Planpuls</at>")
                .putObject("mentioned").put("id", BOT_ID).put("name", "Planpuls");
        return a.toString();
    }

    String submit(User user, String replyToId, Map<String, Object> value) {
        ObjectNode a = base("message", user, personalChat(user), "personal");
        a.put("replyToId", replyToId);
        a.set("value", JSON.valueToTree(value));
        a.putObject("channelData").put("postBack", true).putObject("tenant").put("id", TENANT);
        return a.toString();
    }

    String botAdded(User user) {
        ObjectNode a = base("conversationUpdate", user, personalChat(user), "personal");
        a.putArray("membersAdded").addObject().put("id", BOT_ID);
        a.putObject("channelData").put("eventType", "teamMemberAdded").putObject("tenant").put("id", TENANT);
        // Teams sends installation events without a fraction of a second.
        a.put("timestamp", "2026-11-22T07:19:29Z");
        return a.toString();
    }

    private ObjectNode base(String type, User user, String conversationId, String conversationType) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", String.valueOf(IDS.incrementAndGet()));
        a.put("timestamp", "2026-11-22T08:30:01.1234567Z");
        a.put("localTimestamp", "2026-11-22T09:30:01.1234567+01:00");
        a.put("serviceUrl", serviceUrl);
        a.put("channelId", "msteams");
        a.putObject("from").put("id", user.teamsId()).put("name", user.name()).put("aadObjectId", user.aadObjectId());
        a.putObject("conversation").put("conversationType", conversationType).put("tenantId", TENANT)
                .put("id", conversationId);
        a.putObject("recipient").put("id", BOT_ID).put("name", "Planpuls");
        a.put("locale", user.locale());
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        a.putArray("entities").addObject().put("type", "clientInfo").put("locale", user.locale())
                .put("country", "SE").put("platform", "Web").put("timezone", "Europe/Stockholm");
        return a;
    }
}
