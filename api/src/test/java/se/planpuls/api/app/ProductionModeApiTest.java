package se.planpuls.api.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import se.planpuls.api.ApiClient;
import se.planpuls.api.TestConfigs;
import se.planpuls.bot.BotSettings;
import se.planpuls.bot.TeamsBot;

/**
 * Production mode over real HTTP: with an app id every request to the bot without a valid Bot
 * Framework token is a quick 401, even with the key service out of reach; without one the service
 * listens on loopback only unless told otherwise.
 */
class ProductionModeApiTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String APP_ID = "6f1c4a2b-8d3e-4f5a-9b6c-7d8e9f0a1b2c";
    static final String ACTIVITY = """
            {"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
             "from":{"id":"29:1mallory","name":"Mallory"},"recipient":{"id":"28:bot"},
             "conversation":{"id":"a:1mallory","conversationType":"personal"},"text":"mina milstolpar"}""";

    @TempDir
    Path dataDir;
    private PlanpulsApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private PlanpulsApp start(BotSettings bot, String bindAddress) {
        var config = new Config(0, dataDir, TestConfigs.freshH2(), TOKEN, bot, null, List.of(), List.of(),
                Config.Deployment.DEFAULT.withBindAddress(bindAddress));
        app = PlanpulsApp.create(config, Clock.systemUTC()).start();
        return app;
    }

    private static String closedPortUrl() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/openid";
        }
    }

    @Test
    void with_an_app_id_every_request_without_a_valid_token_is_a_401_within_a_second() throws Exception {
        start(new BotSettings(APP_ID, "app-secret", "", closedPortUrl()), null);
        var api = new ApiClient(app.port(), null);
        var log = new ListAppender<ILoggingEvent>();
        log.start();
        ((Logger) LoggerFactory.getLogger(TeamsBot.class)).addAppender(log);
        try {
            // A token of the right shape and claims, signed by nobody the service can check: the keys are out of reach.
            String plausible = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0."
                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"https://api.botframework.com\","
                    + "\"aud\":\"" + APP_ID + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 3600)
                    + ",\"serviceurl\":\"https://smba.trafficmanager.net/emea/\"}").getBytes()) + ".c2lnbmF0dXJl";
            String[] headers = {null, "Bearer abc", "Basic YWRtaW46YWRtaW4=", "Bearer " + plausible,
                "Bearer " + "x".repeat(6_000)};
            for (int i = 0; i < headers.length; i++) {
                long started = System.nanoTime();
                var response = api.send("POST", "/api/messages", ACTIVITY, null,
                        headers[i] == null ? Map.of() : Map.of("Authorization", headers[i]));
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(response.status()).as("header " + i).isEqualTo(401);
                // The same problem+json whatever was wrong: a stranger learns nothing about why.
                assertThat(response.contentType()).as("header " + i).startsWith("application/problem+json");
                assertThat(response.json().path("detail").asText()).as("header " + i)
                        .isEqualTo("a valid Bot Framework token is required");
                assertThat(millis).as("header " + i + " answered in ms").isLessThan(1000);
            }
            // A token of 40,000 characters is read (headers up to 64 KiB) and refused like any other.
            var huge = api.send("POST", "/api/messages", ACTIVITY, null,
                    Map.of("Authorization", "Bearer " + "x".repeat(40_000)));
            assertThat(huge.status()).isEqualTo(401);
            assertThat(huge.json().path("detail").asText()).isEqualTo("a valid Bot Framework token is required");
            assertThat(log.list).hasSize(6).allSatisfy(line -> {
                assertThat(line.getThrowableProxy()).isNull();
                assertThat(line.getFormattedMessage()).startsWith("Refused a bot request from 127.0.0.1: ")
                        .doesNotContain("xxxxxxxxxx").hasSizeLessThan(500);
            });
        } finally {
            ((Logger) LoggerFactory.getLogger(TeamsBot.class)).detachAppender(log);
        }
    }

    @Test
    void without_an_app_id_the_service_listens_on_loopback_only() throws Exception {
        start(new BotSettings("", "", ""), null);

        assertThat(app.bindAddress()).isEqualTo("127.0.0.1");
        assertReachable("127.0.0.1");
        Optional<String> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback to try from");
        assertThatThrownBy(() -> connect(outside.get())).isInstanceOf(ConnectException.class);
    }

    @Test
    void with_an_app_id_the_service_listens_on_all_interfaces() throws Exception {
        start(new BotSettings(APP_ID, "app-secret", "", closedPortUrl()), null);

        assertThat(app.bindAddress()).isEqualTo("0.0.0.0");
        assertReachable("127.0.0.1");
        Optional<String> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback to try from");
        assertReachable(outside.get());
    }

    @Test
    void the_bind_address_can_open_a_local_service_to_the_network() throws Exception {
        start(new BotSettings("", "", ""), "0.0.0.0");

        Optional<String> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback to try from");
        assertReachable(outside.get());
    }

    private void assertReachable(String address) throws IOException {
        connect(address);
    }

    private void connect(String address) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(address), app.port()), 2000);
        }
    }

    private static Optional<String> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }
}
