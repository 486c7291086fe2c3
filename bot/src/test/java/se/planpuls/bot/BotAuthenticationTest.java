package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import se.planpuls.db.Fixtures;
import se.planpuls.db.TestDatabases;

/**
 * Production mode: with an app id, a request without a valid Bot Framework token is a 401, quickly,
 * with one short log line and no stack trace, whatever the token looks like. The signing keys come
 * from a local OpenID configuration, as login.botframework.com would serve them.
 */
class BotAuthenticationTest {
    static final String APP_ID = "6f1c4a2b-8d3e-4f5a-9b6c-7d8e9f0a1b2c";
    static final ObjectMapper JSON = new ObjectMapper();
    static final KeyPair BOT_FRAMEWORK = rsa();
    static final KeyPair FORGER = rsa();

    private Fixtures f;
    private HttpServer keyServer;
    private FakeConnector connector;
    private TeamsBot bot;
    private ListAppender<ILoggingEvent> log;
    private SimpleMeterRegistry metrics;
    private List<String> endorsements = List.of("msteams", "webchat");

    @BeforeEach
    void start() throws Exception {
        f = new Fixtures(TestDatabases.h2());
        connector = new FakeConnector();
        keyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keyServer.createContext("/openid", exchange -> answer(exchange, JSON.createObjectNode()
                .put("issuer", BotAuthenticator.ISSUER).put("jwks_uri", keyServerUrl() + "/keys").toString()));
        keyServer.createContext("/keys", exchange -> answer(exchange, jwks()));
        keyServer.start();
        metrics = new SimpleMeterRegistry();
        bot = botWithKeysAt(keyServerUrl() + "/openid");
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(TeamsBot.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(TeamsBot.class)).detachAppender(log);
        keyServer.stop(0);
        connector.close();
        f.close();
    }

    private TeamsBot botWithKeysAt(String metadataUrl) {
        return TeamsBot.create(new BotSettings(APP_ID, "app-password", "", metadataUrl),
                new BotServices(f.owners, f.milestones, f.reports, f.conversations), Clock.systemUTC(), metrics);
    }

    @Test
    void a_valid_bot_framework_token_is_let_through_to_the_bot() {
        var response = bot.process("Bearer " + token(connector.url(), UnaryOperator.identity(), BOT_FRAMEWORK), event()).join();

        assertThat(response.status()).isEqualTo(202);
        assertThat(log.list).isEmpty();
    }

    /** Each case makes its header for the connector's service URL (the claim a valid token carries). */
    static Stream<Arguments> refused() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("no header at all", header(url -> null)),
                Arguments.of("an empty header", header(url -> "")),
                Arguments.of("a bearer that is not a JWT", header(url -> "Bearer abc")),
                Arguments.of("three dots of nonsense", header(url -> "Bearer a.b.c")),
                Arguments.of("another scheme", header(url -> "Basic YWRtaW46YWRtaW4=")),
                Arguments.of("a 20 KiB header", header(url -> "Bearer " + "a".repeat(20 * 1024))),
                Arguments.of("control characters", header(url -> "Bearer \u0000\u0001\u001f.\u007f.x")),
                Arguments.of("a token signed with a shared secret", header(url ->
                        "Bearer " + JWT.create().withIssuer(BotAuthenticator.ISSUER).withAudience(APP_ID)
                                .withExpiresAt(Date.from(now.plusSeconds(600))).withKeyId("k1")
                                .withClaim("serviceurl", url).sign(Algorithm.HMAC256("secret")))),
                Arguments.of("a token from another issuer", header(url ->
                        "Bearer " + token(url, t -> t.withIssuer("https://login.example.com"), BOT_FRAMEWORK))),
                Arguments.of("a token for another bot", header(url -> "Bearer "
                        + token(url, t -> t.withAudience("11111111-2222-3333-4444-555555555555"), BOT_FRAMEWORK))),
                Arguments.of("an expired token", header(url -> "Bearer " + token(url,
                        t -> t.withExpiresAt(Date.from(now.minus(Duration.ofMinutes(10)))), BOT_FRAMEWORK))),
                Arguments.of("a token not valid yet", header(url -> "Bearer " + token(url,
                        t -> t.withNotBefore(Date.from(now.plus(Duration.ofMinutes(10)))), BOT_FRAMEWORK))),
                Arguments.of("a forged signature", header(url -> "Bearer " + token(url, UnaryOperator.identity(), FORGER))),
                Arguments.of("an unknown key id", header(url ->
                        "Bearer " + token(url, t -> t.withKeyId("k9"), BOT_FRAMEWORK))),
                Arguments.of("a token for another service URL", header(url -> "Bearer "
                        + token("https://evil.example.com/", UnaryOperator.identity(), BOT_FRAMEWORK))));
    }

    private static Function<String, String> header(Function<String, String> maker) {
        return maker;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void a_request_without_a_valid_token_is_a_401_within_a_second_with_one_short_log_line(
            String what, Function<String, String> headerFor) {
        String header = headerFor.apply(connector.url());
        long started = System.nanoTime();
        var response = bot.process(header, event(), "203.0.113.9").join();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).as(what).isEqualTo(401);
        assertThat(millis).as(what + ": answered in ms").isLessThan(1000);
        assertThat(log.list).as(what).singleElement().satisfies(line -> {
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
            assertThat(line.getFormattedMessage()).startsWith("Refused a bot request from 203.0.113.9: ")
                    .doesNotContain("\n").hasSizeLessThan(200);
            if (header != null && header.length() > 20) {
                assertThat(line.getFormattedMessage()).doesNotContain(header.substring(7, 20));
            }
        });
        assertThat(connector.calls()).as("nothing reached the connector").isEmpty();
        assertThat(metrics.counter("planpuls.bot.auth.rejections").count()).isEqualTo(1);
    }

    @Test
    void a_key_not_endorsed_for_teams_is_refused() {
        endorsements = List.of("webchat");
        var webchatOnly = botWithKeysAt(keyServerUrl() + "/openid");
        var response = webchatOnly.process("Bearer " + token(connector.url(), UnaryOperator.identity(), BOT_FRAMEWORK),
                event()).join();

        assertThat(response.status()).isEqualTo(401);
        assertThat(log.list.get(0).getFormattedMessage()).contains("not endorsed for channel msteams");
    }

    @Test
    void a_broken_body_with_a_valid_token_is_still_no_5xx() {
        assertThat(bot.process("Bearer " + token(connector.url(), UnaryOperator.identity(), BOT_FRAMEWORK), "{not json").join().status())
                .isEqualTo(401);
        assertThat(bot.process("Bearer abc", "[1,2,3]").join().status()).isEqualTo(401);
        assertThat(bot.process("Bearer abc", null).join().status()).isEqualTo(401);
    }

    @Test
    void with_the_key_service_unreachable_a_token_is_refused_within_a_second() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var unreachable = botWithKeysAt("http://127.0.0.1:" + closed + "/openid");
        assertRefusedQuickly(unreachable);
    }

    @Test
    void with_a_key_service_that_never_answers_a_token_is_refused_within_a_second() throws Exception {
        // Accepts connections and then says nothing, as a black-holed firewall would.
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var hanging = botWithKeysAt("http://127.0.0.1:" + silent.getLocalPort() + "/openid");
            assertRefusedQuickly(hanging);
        }
    }

    private void assertRefusedQuickly(TeamsBot unlucky) {
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            var response = unlucky.process("Bearer " + token(connector.url(), UnaryOperator.identity(), BOT_FRAMEWORK), event()).join();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.status()).isEqualTo(401);
            assertThat(millis).as("answered in ms").isLessThan(1000);
        }
        assertThat(log.list).allSatisfy(line -> assertThat(line.getThrowableProxy()).isNull());
    }

    @Test
    void a_flood_of_forged_requests_logs_at_most_twenty_lines_a_minute_and_counts_them_all() {
        for (int i = 0; i < 500; i++) {
            assertThat(bot.process("Bearer abc" + i, event()).join().status()).isEqualTo(401);
        }

        assertThat(log.list).hasSize(RejectionLog.PER_MINUTE);
        assertThat(log.list.get(RejectionLog.PER_MINUTE - 1).getFormattedMessage())
                .contains("further refusals this minute are counted, not logged");
        assertThat(metrics.counter("planpuls.bot.auth.rejections").count()).isEqualTo(500);
    }

    private String event() {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "event").put("name", "planpuls.test").put("id", "1").put("channelId", "msteams")
                .put("serviceUrl", connector.url()).put("timestamp", "2026-11-22T08:30:01.123Z");
        activity.putObject("from").put("id", "29:1anna").put("name", "Anna Berg");
        activity.putObject("recipient").put("id", "28:" + APP_ID).put("name", "Planpuls");
        activity.putObject("conversation").put("id", "a:1anna-personal").put("conversationType", "personal")
                .put("tenantId", TeamsActivities.TENANT);
        return activity.toString();
    }

    private static String token(String serviceUrl, UnaryOperator<JWTCreator.Builder> change, KeyPair signer) {
        Instant now = Instant.now();
        var builder = JWT.create().withIssuer(BotAuthenticator.ISSUER).withAudience(APP_ID).withKeyId("k1")
                .withIssuedAt(Date.from(now)).withNotBefore(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(60)))).withClaim("serviceurl", serviceUrl);
        return change.apply(builder).sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(),
                (RSAPrivateKey) signer.getPrivate()));
    }

    private String jwks() {
        var key = (RSAPublicKey) BOT_FRAMEWORK.getPublic();
        var encoder = Base64.getUrlEncoder().withoutPadding();
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("kid", "k1").put("use", "sig")
                .put("n", encoder.encodeToString(unsigned(key.getModulus().toByteArray())))
                .put("e", encoder.encodeToString(key.getPublicExponent().toByteArray()));
        endorsements.forEach(jwk.putArray("endorsements")::add);
        ObjectNode set = JSON.createObjectNode();
        set.putArray("keys").add(jwk);
        return set.toString();
    }

    private String keyServerUrl() {
        return "http://127.0.0.1:" + keyServer.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
