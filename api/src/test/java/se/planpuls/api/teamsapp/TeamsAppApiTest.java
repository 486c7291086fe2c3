package se.planpuls.api.teamsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.api.TestConfigs;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.bot.BotSettings;

/**
 * {@code GET /api/v1/teams-app.zip}: the package a Teams admin uploads, built for the running
 * configuration, and refused while it could not be installed. The manifest's validity against
 * Microsoft's own schemas is checked in the e2e module, where npm installs them.
 */
class TeamsAppApiTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String READER = "dashboard-read-only-token-xyz";
    static final String APP_ID = "6f1c4a2b-8d3e-4f5a-9b6c-7d8e9f0a1b2c";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private PlanpulsApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private ApiClient start(String appId, String publicUrl, Config.Deployment deployment) throws IOException {
        String keys;
        try (var socket = new ServerSocket(0)) {
            keys = "http://127.0.0.1:" + socket.getLocalPort() + "/openid";
        }
        var config = new Config(0, dataDir, TestConfigs.freshH2(), TOKEN, new BotSettings(appId, appId.isEmpty() ? ""
                : "secret", "", keys), publicUrl, List.of(), List.of(READER), deployment);
        app = PlanpulsApp.create(config, Clock.systemUTC()).start();
        return new ApiClient(app.port(), TOKEN);
    }

    @Test
    void without_an_app_id_the_package_is_refused_with_a_409_that_says_why() throws IOException {
        var api = start("", "https://planpuls.region.se", Config.Deployment.DEFAULT);

        var refused = api.get("/api/v1/teams-app.zip");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).endsWith("/teams-app-not-configured");
        assertThat(refused.json().path("detail").asText()).contains("MicrosoftAppId is not set");
    }

    @Test
    void without_an_https_public_url_or_the_publisher_s_own_pages_it_is_refused_too() throws IOException {
        var api = start(APP_ID, null, Config.Deployment.DEFAULT);

        var refused = api.get("/api/v1/teams-app.zip");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("PLANPULS_PUBLIC_URL");
    }

    @Test
    void the_package_carries_the_app_id_the_project_version_the_public_host_and_the_publisher() throws Exception {
        var api = start(APP_ID, "https://planpuls.region.se", new Config.Deployment(null, "Region Skåne",
                "https://www.skane.se", null, null, null, null));

        var files = unzip(api);

        assertThat(files).containsOnlyKeys("manifest.json", "en.json", "color.png", "outline.png");
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.22");
        assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+").isNotEqualTo("0.0.0");
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("bots").get(0).path("scopes")).extracting(JsonNode::asText)
                .containsExactly("personal", "team", "groupChat");
        assertThat(manifest.path("validDomains")).extracting(JsonNode::asText).containsExactly("planpuls.region.se");
        assertThat(manifest.path("developer").path("name").asText()).isEqualTo("Region Skåne");
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo("https://www.skane.se");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://planpuls.region.se/privacy");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo("https://planpuls.region.se/terms");
        assertThat(manifest.path("localizationInfo").path("defaultLanguageTag").asText()).isEqualTo("sv-se");
        JsonNode english = JSON.readTree(files.get("en.json"));
        assertThat(english.path("bots[0].commandLists[1].commands[0].title").asText()).isEqualTo("subscribe");
        assertThat(manifest.path("bots").get(0).path("commandLists").get(1).path("commands").get(0).path("title")
                .asText()).isEqualTo("prenumerera");
    }

    @Test
    void the_icons_are_192_and_32_pixels_and_the_outline_is_white_on_transparent() throws Exception {
        var files = unzip(start(APP_ID, "https://planpuls.region.se", Config.Deployment.DEFAULT));

        BufferedImage color = ImageIO.read(new ByteArrayInputStream(files.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(files.get("outline.png")));

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        int drawn = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    drawn++;
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).as("mostly transparent").isGreaterThan(32 * 32 / 2);
        assertThat(drawn).as("something is drawn").isGreaterThan(30);
    }

    @Test
    void the_package_needs_a_token_and_a_read_only_one_will_do() throws Exception {
        var api = start(APP_ID, "https://planpuls.region.se", Config.Deployment.DEFAULT);

        assertThat(api.send("GET", "/api/v1/teams-app.zip", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v1/teams-app.zip", null, READER).status()).isEqualTo(200);
    }

    @Test
    void the_privacy_and_terms_pages_are_open_bilingual_and_escape_the_publisher_name() throws Exception {
        var api = start(APP_ID, "https://planpuls.region.se", new Config.Deployment(null, "<b>Region & Co</b>",
                null, null, null, null, null));

        for (String page : new String[] {"/privacy", "/terms"}) {
            var response = api.send("GET", page, null, null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body()).contains("lang=\"sv\"").contains("lang=\"en\"")
                    .contains("&lt;b&gt;Region &amp; Co&lt;/b&gt;").doesNotContain("<b>Region");
        }
        assertThat(api.send("GET", "/privacy", null, null).body()).contains("radera").contains("erase");
    }

    @Test
    void every_command_the_manifest_offers_in_either_language_is_one_the_bot_understands() throws Exception {
        var settings = new TeamsAppPackage.Settings(APP_ID, "https://planpuls.region.se", null, null, null, null);
        List<String> titles = new ArrayList<>();
        TeamsAppPackage.manifest(settings).path("bots").get(0).path("commandLists")
                .forEach(list -> list.path("commands").forEach(c -> titles.add(c.path("title").asText())));
        TeamsAppPackage.localization().fields().forEachRemaining(field -> {
            if (field.getKey().endsWith(".title")) {
                titles.add(field.getValue().asText());
            }
        });
        assertThat(titles).hasSize(30);

        List<String> answers = new CopyOnWriteArrayList<>();
        HttpServer connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("POST")) {
                answers.add(JSON.readTree(body).path("text").asText());
            }
            byte[] bytes = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().contains("/members/") ? 404 : 200,
                    bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        connector.start();
        try (var local = new RunningApp(dataDir.resolve("local"))) {
            var http = HttpClient.newHttpClient();
            for (String title : titles) {
                answers.clear();
                String activity = JSON.createObjectNode().put("type", "message").put("id", "1").put("channelId", "msteams")
                        .put("serviceUrl", "http://127.0.0.1:" + connector.getAddress().getPort() + "/")
                        .put("text", title).put("locale", "sv-SE")
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("from", JSON.createObjectNode().put("id", "29:1x"))
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("recipient", JSON.createObjectNode().put("id", "28:b"))
                        .set("conversation", JSON.createObjectNode().put("id", "a:1x").put("conversationType", "personal"))
                        .toString();
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.app().port()
                        + "/api/messages")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(activity)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(202);
                assertThat(answers).as(title).isNotEmpty().noneMatch(a -> a.startsWith("Jag förstod inte")
                        || a.startsWith("I did not understand"));
            }
        } finally {
            connector.stop(0);
        }
    }

    private static Map<String, byte[]> unzip(ApiClient api) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/api/v1/teams-app.zip")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"planpuls-teams-app.zip\"");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }
}
