package se.planpuls.api.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.RunningApp;

/** The owners the bot cannot reach, with why; the reach-owners job; and a sender made owner linked at once. */
class ReachOwnersApiTest {
    @TempDir
    Path dataDir;
    private RunningApp running;
    private HttpServer connector;

    @BeforeEach
    void start() throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String body = exchange.getRequestURI().getPath().contains("/members/")
                    ? "{\"id\":\"29:1alex\",\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\","
                    + "\"userPrincipalName\":\"alexw@example.com\"}" : "{\"id\":\"1\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        connector.start();
        running = new RunningApp(dataDir);
    }

    @AfterEach
    void stop() {
        running.close();
        connector.stop(0);
    }

    @Test
    void an_owner_nobody_can_reach_is_listed_with_why_and_a_reachable_listing_has_no_reason() {
        running.api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\"}");

        var unreachable = running.api.get("/api/v1/owners?reachable=false");

        assertThat(unreachable.status()).isEqualTo(200);
        assertThat(unreachable.json()).singleElement().satisfies(o -> {
            assertThat(o.path("email").asText()).isEqualTo("anna@example.com");
            assertThat(o.path("reason").asText()).isEqualTo("not in any team with Planpuls");
        });
        assertThat(running.api.get("/api/v1/owners").json().get(0).path("reason").isNull()).isTrue();
        assertThat(running.api.get("/api/v1/owners?reachable=true").json()).isEmpty();
    }

    @Test
    void someone_who_wrote_hjalp_and_is_then_made_an_owner_is_reachable_at_once() {
        var said = running.send("POST", "/api/messages", """
                {"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:%d/",
                 "from":{"id":"29:1alex","name":"Alex Wilber"},"recipient":{"id":"28:planpuls"},"locale":"sv-SE",
                 "conversation":{"id":"a:1alex","conversationType":"personal"},"text":"hjälp"}"""
                .formatted(connector.getAddress().getPort()), java.util.Map.of());
        assertThat(said.status()).isEqualTo(202);

        running.api.post("/api/v1/owners", "{\"name\":\"Alex Wilber\",\"email\":\"alexw@example.com\"}");

        assertThat(running.api.get("/api/v1/owners?reachable=false").json()).isEmpty();
        assertThat(running.api.get("/api/v1/owners?reachable=true").json()).singleElement()
                .satisfies(o -> assertThat(o.path("linkedToTeams").asBoolean()).isTrue());
    }

    @Test
    void the_reach_owners_job_runs_daily_and_on_demand() {
        var jobs = running.api.get("/api/v1/jobs").json();
        assertThat(jobs.findValuesAsText("name")).contains("reach-owners");

        var run = running.api.post("/api/v1/jobs/reach-owners/run", null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("summary").asText()).isEqualTo(
                "0 teams read (0 could not be), 0 members, 0 of them owners: 0 welcomed, 0 failed, 0 reachable already");
    }
}
