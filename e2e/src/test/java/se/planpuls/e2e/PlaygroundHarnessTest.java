package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the {@link Playground} harness against a tiny echo bot served by the JDK's HttpServer. */
class PlaygroundHarnessTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static EchoBot bot;
    private static Playground playground;

    @BeforeAll
    static void start() throws IOException {
        bot = new EchoBot();
        playground = Playground.start(bot.endpoint());
    }

    @AfterAll
    static void stop() {
        if (playground != null) playground.close();
        if (bot != null) bot.stop();
    }

    @Test
    void configNamesTheMockTenant() {
        Playground.User alex = playground.currentUser();
        assertThat(alex).isEqualTo(new Playground.User("user-id-0", "Alex Wilber", "alexw@example.com",
                "alexw@example.com", "00000000-0000-0000-0000-0000000000020"));
        assertThat(playground.users()).hasSize(6).first().isEqualTo(alex);
        assertThat(playground.botId()).isEqualTo("00000000-0000-0000-0000-00000000000011");
        assertThat(playground.channelId("My Team", "Announcements")).isEqualTo("channel-announcements-id");
        assertThat(playground.personalChatId()).isNotBlank().isNotEqualTo(playground.groupChatId());
    }

    @Test
    void personalChatMessageIsEchoed() {
        String chat = playground.personalChatId();
        playground.sendAsUser(chat, "user-id-0", "hello there");

        Playground.Activity reply = playground.awaitBotActivity(
                a -> a.isNewBotMessage() && "echo: hello there".equals(a.text()), WAIT);

        assertThat(reply.conversationId()).isEqualTo(chat);
        JsonNode received = bot.awaitReceived(a -> "hello there".equals(a.path("text").asText()));
        assertThat(reply.replyToId()).isEqualTo(received.path("id").asText());
        assertThat(received.path("from").path("id").asText()).isEqualTo("user-id-0");
        assertThat(received.path("from").path("aadObjectId").asText()).isEqualTo("00000000-0000-0000-0000-0000000000020");
        assertThat(received.path("conversation").path("conversationType").asText()).isEqualTo("personal");
        assertThat(received.path("channelData").path("tenant").path("id").asText()).isEqualTo(playground.tenantId());
        assertThat(received.path("serviceUrl").asText()).isEqualTo(playground.serviceUrl());
        // The harness also sees the incoming side in the log.
        assertThat(playground.awaitActivity(a -> a.toBot() && "hello there".equals(a.text()), WAIT).status()).isEqualTo(200);
    }

    @Test
    void cardSubmitReachesBotAndCardIsUpdated() {
        String chat = playground.personalChatId();
        playground.sendAsUser(chat, "user-id-0", "card");
        Playground.Activity card = playground.awaitBotActivity(
                a -> a.isNewBotMessage() && a.adaptiveCard() != null && chat.equals(a.conversationId()), WAIT);
        assertThat(card.adaptiveCard().path("actions").path(0).path("type").asText()).isEqualTo("Action.Submit");

        playground.submitCard(chat, "user-id-0", card.id(), Map.of("verb", "approve", "note", "looks good"));

        JsonNode submit = bot.awaitReceived(a -> a.has("value") && card.id().equals(a.path("replyToId").asText()));
        assertThat(submit.path("value").path("verb").asText()).isEqualTo("approve");
        assertThat(submit.path("value").path("note").asText()).isEqualTo("looks good");
        assertThat(submit.path("text").isMissingNode() || submit.path("text").isNull()).isTrue();

        Playground.Activity update = playground.awaitBotActivity(a -> a.isUpdate() && card.id().equals(a.id()), WAIT);
        assertThat(update.adaptiveCard().path("body").path(0).path("text").asText()).isEqualTo("Done: approve");
    }

    @Test
    void groupChatMessageWithMentionReachesBot() {
        String chat = playground.groupChatId();
        playground.sendAsUser(chat, "user-id-1", "hi team");

        Playground.Activity reply = playground.awaitBotActivity(
                a -> a.isNewBotMessage() && "echo: hi team".equals(a.text()), WAIT);
        assertThat(reply.conversationId()).isEqualTo(chat);

        JsonNode received = bot.awaitReceived(a -> a.path("text").asText().endsWith("hi team"));
        assertThat(received.path("text").asText()).isEqualTo("<at>Test Bot</at> hi team");
        assertThat(received.path("conversation").path("conversationType").asText()).isEqualTo("groupChat");
        assertThat(received.path("conversation").path("isGroup").asBoolean()).isTrue();
        assertThat(received.path("entities").findValuesAsText("type")).contains("mention");
        assertThat(received.path("entities").get(0).path("mentioned").path("id").asText()).isEqualTo(playground.botId());
        // The playground delivers every UI message from the current user, whatever "from" was posted.
        assertThat(received.path("from").path("id").asText()).isEqualTo("user-id-0");
    }

    @Test
    void channelPostStartsAThreadAndTheReplyGoesThere() {
        String channel = playground.channelId("My Team", "Announcements");
        Playground.Posted post = playground.sendAsUser(channel, "user-id-0", "hello channel");
        assertThat(post.conversationId()).isEqualTo(channel + ";messageid=" + post.messageId());

        Playground.Activity reply = playground.awaitBotActivity(a -> "echo: hello channel".equals(a.text()), WAIT);
        assertThat(reply.conversationId()).isEqualTo(post.conversationId());
        JsonNode received = bot.awaitReceived(a -> a.path("text").asText().endsWith("hello channel"));
        assertThat(received.path("channelData").path("channel").path("id").asText()).isEqualTo(channel);
        assertThat(received.path("channelData").path("team").path("id").asText()).isEqualTo("team-id");
    }

    @Test
    void customActivityCanComeFromAnotherUser() {
        Playground.User megan = playground.user("user-id-1");
        playground.sendCustomActivity(playground.groupChatId(), Map.of("type", "message", "text", "from megan",
                "from", Map.of("id", megan.id(), "name", megan.name(), "aadObjectId", megan.aadObjectId())));

        playground.awaitBotActivity(a -> "echo: from megan".equals(a.text()), WAIT);
        JsonNode received = bot.awaitReceived(a -> "from megan".equals(a.path("text").asText()));
        assertThat(received.path("from").path("id").asText()).isEqualTo("user-id-1");
    }

    @Test
    void configFileGivesValidGuidsAndStableIds() throws Exception {
        Path config = Path.of(PlaygroundHarnessTest.class.getResource("/playground/teams-like.yml").toURI());
        try (Playground custom = Playground.start(bot.endpoint(), config)) {
            assertThat(custom.personalChatId()).isEqualTo("a:planpuls-personal-alex");
            assertThat(custom.groupChatId()).isEqualTo("19:planpuls-group@thread.v2");
            assertThat(custom.channelId("Planpuls Team", "General")).isEqualTo("19:planpuls-general@thread.tacv2");
            assertThat(UUID.fromString(custom.currentUser().aadObjectId())).isNotNull();
            assertThat(UUID.fromString(custom.tenantId())).isNotNull();

            custom.sendAsUser(custom.groupChatId(), custom.currentUser().id(), "ids please");
            custom.awaitBotActivity(a -> "echo: ids please".equals(a.text()), WAIT);
            JsonNode received = bot.awaitReceived(a -> a.path("text").asText().endsWith("ids please"));
            assertThat(received.path("text").asText()).isEqualTo("<at>Planpuls</at> ids please");
            assertThat(received.path("from").path("id").asText()).isEqualTo("29:alex-wilber");
            assertThat(received.path("conversation").path("id").asText()).isEqualTo("19:planpuls-group@thread.v2");
            assertThat(received.path("serviceUrl").asText()).isEqualTo(custom.serviceUrl());
        }
    }

    @Test
    void waitingForSomethingThatNeverComesFailsWithWhatWasSeen() {
        assertThatThrownBy(() -> playground.awaitBotActivity(a -> "never said".equals(a.text()), Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No matching activity")
                .hasMessageContaining("Activities seen");
    }

    /** Answers like a Bot Framework bot: replies through the activity's serviceUrl, on the same request. */
    static final class EchoBot {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpServer server;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        EchoBot() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/messages", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        String endpoint() {
            return "http://localhost:" + server.getAddress().getPort() + "/api/messages";
        }

        void stop() {
            server.stop(0);
        }

        JsonNode awaitReceived(java.util.function.Predicate<JsonNode> predicate) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode a : received) {
                    if (predicate.test(a)) return a;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("The bot received no matching activity; it received: " + received);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                // The playground probes the endpoint with HEAD whenever its config is read: answer, don't parse.
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("POST".equals(exchange.getRequestMethod()) && body.length > 0) {
                    JsonNode activity = JSON.readTree(body);
                    received.add(activity);
                    if ("message".equals(activity.path("type").asText())) {
                        onMessage(activity);
                    }
                }
                exchange.sendResponseHeaders(200, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
                throw e;
            }
        }

        private void onMessage(JsonNode activity) throws IOException {
            String text = activity.path("text").asText("").replaceAll("<at>[^<]*</at>", "").trim();
            if (activity.hasNonNull("value")) {
                String verb = activity.path("value").path("verb").asText();
                ObjectNode update = reply(activity);
                update.put("id", activity.path("replyToId").asText());
                update.putArray("attachments").add(card("Done: " + verb, false));
                call("PUT", activity, "/activities/" + enc(activity.path("replyToId").asText()), update);
            } else if (text.equals("card")) {
                ObjectNode card = reply(activity);
                card.putArray("attachments").add(card("Pick one", true));
                call("POST", activity, "/activities/" + enc(activity.path("id").asText()), card);
            } else {
                ObjectNode echo = reply(activity);
                echo.put("text", "echo: " + text);
                call("POST", activity, "/activities/" + enc(activity.path("id").asText()), echo);
            }
        }

        private static ObjectNode reply(JsonNode activity) {
            ObjectNode r = JSON.createObjectNode();
            r.put("type", "message");
            r.set("from", activity.get("recipient"));
            r.set("recipient", activity.get("from"));
            r.set("conversation", activity.get("conversation"));
            r.put("replyToId", activity.path("id").asText());
            return r;
        }

        private static ObjectNode card(String title, boolean withSubmit) {
            ObjectNode attachment = JSON.createObjectNode();
            attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
            ObjectNode content = attachment.putObject("content");
            content.put("type", "AdaptiveCard");
            content.put("version", "1.4");
            content.putArray("body").addObject().put("type", "TextBlock").put("text", title);
            if (withSubmit) {
                ObjectNode action = content.putArray("actions").addObject();
                action.put("type", "Action.Submit").put("title", "Approve");
                action.putObject("data").put("verb", "approve");
            }
            return attachment;
        }

        private void call(String method, JsonNode activity, String path, JsonNode body) throws IOException {
            URI serviceUrl = URI.create(activity.path("serviceUrl").asText().replaceAll("/+$", ""));
            if (!"localhost".equals(serviceUrl.getHost()) && !"127.0.0.1".equals(serviceUrl.getHost())) {
                throw new IllegalStateException("refusing a non-local serviceUrl " + serviceUrl);
            }
            URI uri = URI.create(serviceUrl + "/v3/conversations/" + enc(activity.path("conversation").path("id").asText()) + path);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() / 100 != 2) {
                    throw new IOException(method + " " + uri + " answered " + res.statusCode() + ": " + res.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
