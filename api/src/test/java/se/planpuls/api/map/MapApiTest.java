package se.planpuls.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.api.http.AdminToken;

/** The strategic map through the real server: a page and a picture, opened by key or token only. */
class MapApiTest {
    static final String TOKEN = RunningApp.TOKEN;

    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private long planId;

    @BeforeEach
    void readThePlan() {
        planId = api.get("/api/v1/plans").json().get(0).path("id").asLong();
    }

    @Test
    void the_map_is_html_with_svg_and_a_png_opened_by_key_or_token_only() throws Exception {
        var key = new MapKeys(tokenOf()).key(planId);

        var page = send("/plans/" + planId + "/map?key=" + key, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains("Strategisk karta").contains("Nära Vård")
                .contains("data-code=\"DIG-4\"").contains("SDV infört*").contains("class=\"dependency\"")
                .contains("Inväntar tidplan").contains("Bättre hälsa för fler")
                .contains("data-group=\"Förutsättningar\"").contains("Effektiva processer")
                .contains("<title>MED-1 → MED-2: MED-2, effekt på kort sikt: ”Ledarskapsakademien har strategin som "
                        + "utgångspunkt vid planering, genomförande och utvärdering av insatser”</title>");
        assertThat(page.body().split("class=\"milestone\"", -1)).hasSize(35);

        var png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + running.app().port() + "/plans/" + planId + "/map.png")).header("Authorization",
                "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(1280);

        assertThat(send("/plans/" + planId + "/map", null).statusCode()).isEqualTo(401);
        assertThat(send("/plans/" + planId + "/map?key=wrong", null).statusCode()).isEqualTo(401);
        assertThat(send("/plans/" + (planId + 1) + "/map?key=" + key, null).statusCode()).isEqualTo(401);
        assertThat(send("/plans/999/map", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void the_status_per_area_is_a_picture_with_a_bar_per_area_opened_by_key_or_token_only() throws Exception {
        var key = new MapKeys(tokenOf()).key(planId);

        var png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + running.app().port() + "/plans/" + planId + "/status.png?key=" + key)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(StatusBarsPng.WIDTH);
        // Seven areas, nothing reported yet: seven grey bars, each starting right of the area's name.
        int grey = java.awt.Color.decode(StrategicMap.fill(null)).getRGB();
        for (int area = 0; area < 7; area++) {
            assertThat(image.getRGB(StatusBarsPng.MARGIN + StatusBarsPng.LABEL + 2,
                    StatusBarsPng.MARGIN + area * StatusBarsPng.ROW + 4)).as("area %d", area).isEqualTo(grey);
        }
        assertThat(image.getRGB(StatusBarsPng.MARGIN + StatusBarsPng.LABEL + 2,
                StatusBarsPng.MARGIN + 7 * StatusBarsPng.ROW + 4)).isNotEqualTo(grey);
        assertThat(send("/plans/" + planId + "/status.png", null).statusCode()).isEqualTo(401);
        assertThat(send("/plans/" + planId + "/status.png?key=wrong", null).statusCode()).isEqualTo(401);
        assertThat(send("/plans/" + planId + "/status.png", TOKEN).statusCode()).isEqualTo(200);
    }

    private AdminToken tokenOf() {
        return AdminToken.resolve(TOKEN, running.dataDir());
    }

    private HttpResponse<String> send(String path, String bearer) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.app().port() + path));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
