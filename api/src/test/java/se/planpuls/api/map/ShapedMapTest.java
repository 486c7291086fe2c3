package se.planpuls.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.RunningApp;
import se.planpuls.api.http.PageTexts;
import se.planpuls.db.DependencyService;
import se.planpuls.db.IndicatorService;
import se.planpuls.db.PlanService;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.DependencyEdge;
import se.planpuls.domain.Status;

/**
 * The map of plans as regions write them: Örebro's assignments with their deliverables as marks in
 * the parent's box, ongoing items and group owners noted, and the effect goals' indicators with
 * their latest value against the target; boxes still apart and arrows still clear of them.
 */
class ShapedMapTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();

    @Test
    void a_parents_deliverables_are_marks_in_its_box_coloured_by_status_and_the_parent_by_their_summary()
            throws Exception {
        long plan = running.importCsv(RunningApp.resource("/plans/orebro-uppdrag-2024-delleveranser.csv")).json()
                .path("planId").asLong();
        report(plan, "NR-7-a", "REACHED", false);
        report(plan, "NR-7-b", "IN_PROGRESS", false);
        report(plan, "NR-7-c", "NOT_STARTED", false);
        report(plan, "NR-3-a", "REACHED", false);
        report(plan, "NR-3-b", "REACHED", false);
        report(plan, "NR-3-c", "REACHED", false);
        // NR-7-a builds on NR-3-b: the arrow runs between their parents' boxes.
        var edges = List.of(new DependencyEdge(id(plan, "NR-7-a"), id(plan, "NR-3-b"), "planen"));
        StrategicMap map = StrategicMap.of(new PlanService(running.app().database()).plan(plan), edges, "Karta", "",
                view -> view.currentStatus().orElse(null), new StrategicMap.Shapes(java.util.Map.of(),
                        PageTexts.swedish()));

        assertThat(map.boxes()).extracting(StrategicMap.Box::code).contains("NR-3", "NR-7", "NR-9")
                .doesNotContain("NR-3-a", "NR-7-a", "NR-7-d");
        StrategicMap.Box nr7 = box(map, "NR-7");
        assertThat(nr7.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(nr7.marks().stream().flatMap(List::stream).map(StrategicMap.Mark::text).toList())
                .containsExactly("a ✓", "b ●", "c ✗", "d ○");
        assertThat(box(map, "NR-3").status()).isEqualTo(Status.REACHED);
        StrategicMap.Box nr9 = box(map, "NR-9");
        assertThat(nr9.notes()).extracting(StrategicMap.Note::text).containsExactly("Löpande", "Grupp: beredningarna");
        // Every line of a box lies inside it, and no two boxes overlap.
        for (StrategicMap.Box b : map.boxes()) {
            int lines = b.lines().size() + b.marks().size() + b.notes().size();
            assertThat(b.lineY(lines - 1) + 4).as(b.code()).isLessThanOrEqualTo(b.y() + b.height());
            for (StrategicMap.Box other : map.boxes()) {
                if (other != b) {
                    assertThat(rectangle(b).intersects(rectangle(other))).as(b.code() + " and " + other.code()).isFalse();
                }
            }
        }
        assertThat(map.arrows()).singleElement().satisfies(a -> {
            assertThat(a.from()).isEqualTo("NR-3");
            assertThat(a.to()).isEqualTo("NR-7");
            for (StrategicMap.Box b : map.boxes()) {
                boolean own = b.code().equals("NR-3") || b.code().equals("NR-7");
                Rectangle2D inside = own ? new Rectangle2D.Double(b.x() + 0.5, b.y() + 0.5, b.width() - 1,
                        b.height() - 1) : rectangle(b);
                for (int i = 1; i < a.points().size(); i++) {
                    var p = a.points().get(i - 1);
                    var q = a.points().get(i);
                    assertThat(new Line2D.Double(p.x(), p.y(), q.x(), q.y()).intersects(inside)).as(b.code()).isFalse();
                }
            }
        });

        String svg = MapSvg.svg(map, PageTexts.swedish());
        assertThat(svg).contains("data-code=\"NR-7-c\" data-status=\"not_started\"").contains(">a ✓</text>")
                .contains(">Löpande</text>").contains(">Grupp: förvaltningen</text>")
                .contains("delleveranser (uppnådd, pågår, ej påbörjad, ingen rapport)");

        // The served page and picture are drawn from the same layout.
        var page = get("/plans/" + plan + "/map");
        assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(">b ●</text>")
                .doesNotContain("data-code=\"NR-7-a\" data-status=\"none\" data-id");
        var png = ImageIO.read(new ByteArrayInputStream(get("/plans/" + plan + "/map.png").body()));
        assertThat(png.getWidth()).isEqualTo(StrategicMap.WIDTH);
        // The mark of NR-7-a is drawn in the reached green on its white strip.
        assertThat(countColour(png, nr7, 0x1a7f37)).isPositive();
    }

    @Test
    void an_indicator_shows_its_latest_value_against_its_target_green_on_target_and_red_off_it() throws Exception {
        long plan = running.importJson(RunningApp.resource("/plans/orebro-effektmal-indikatorer-2024.json")).json()
                .path("planId").asLong();
        value(plan, "EM7-LARANDEMAL", "88", "2024-06-10 08:00:00+00");
        value(plan, "EM7-LARANDEMAL", "93", "2024-11-10 08:00:00+00");
        value(plan, "FRISK-1", "91.2", "2024-03-20 08:00:00+00");
        value(plan, "FRISK-1", "90.8", "2024-06-18 08:00:00+00");
        var database = running.app().database();
        StrategicMap map = StrategicMap.of(new PlanService(database).plan(plan),
                new DependencyService(database, Clock.systemUTC()).edges(plan), "Karta", "",
                view -> view.currentStatus().orElse(null), new StrategicMap.Shapes(
                        new IndicatorService(database, Clock.systemUTC()).progressOfPlan(plan), PageTexts.swedish()));

        StrategicMap.Note met = box(map, "EM7-LARANDEMAL").notes().get(0);
        assertThat(met.text()).isEqualTo("93 % / ≥ 90 %");
        assertThat(met.colour()).isEqualTo("#1a7f37");
        StrategicMap.Note missed = box(map, "FRISK-1").notes().get(0);
        assertThat(missed.text()).isEqualTo("90,8 % / ↑");
        assertThat(missed.colour()).isEqualTo("#cf222e");
        assertThat(box(map, "AVI-1").notes().get(0).text()).isEqualTo("– / ↑");

        String page = new String(get("/plans/" + plan + "/map").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(">93 % / ≥ 90 %</text>").contains(">90,8 % / ↑</text>");
    }

    private static StrategicMap.Box box(StrategicMap map, String code) {
        return map.boxes().stream().filter(b -> b.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no box " + code));
    }

    private static Rectangle2D rectangle(StrategicMap.Box b) {
        return new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height());
    }

    private static int countColour(java.awt.image.BufferedImage image, StrategicMap.Box b, int rgb) {
        int found = 0;
        int line = b.lines().size();
        for (int y = b.lineY(line) - 12; y < b.lineY(line) + 3; y++) {
            for (int x = b.x(); x < b.x() + b.width(); x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (Math.abs((p >> 16) - (rgb >> 16)) < 24 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 24
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 24) {
                    found++;
                }
            }
        }
        return found;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.api.baseUrl() + path))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private void report(long plan, String code, String status, boolean atRisk) {
        TestDatabases.execute(running.app().database(), """
                INSERT INTO status_reports (milestone_id, status, reporter_name, source, reported_at, at_risk)
                VALUES (?, ?, 'Karin Ek', 'api', CURRENT_TIMESTAMP, ?)""", id(plan, code), status, atRisk);
    }

    private void value(long plan, String code, String value, String at) {
        TestDatabases.execute(running.app().database(), """
                INSERT INTO indicator_values (milestone_id, measured, reporter_name, source, reported_at)
                VALUES (?, CAST(? AS DECIMAL(20, 4)), 'HR-direktören', 'api', CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                id(plan, code), value, at);
    }

    private long id(long plan, String code) {
        for (JsonNode m : running.api.get("/api/v1/milestones?plan=" + plan + "&q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no item " + code);
    }
}
