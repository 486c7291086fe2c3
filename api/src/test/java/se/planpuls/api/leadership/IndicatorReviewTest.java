package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/** Örebro's indicators in the annual review (JSON, CSV, workbook, page, PDF) and their sparklines. */
class IndicatorReviewTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private long planId;

    @BeforeEach
    void importAndMeasure() {
        planId = running.importJson(RunningApp.resource("/plans/orebro-effektmal-indikatorer-2024.json")).json()
                .path("planId").asLong();
        value("HME-1", "78.5", "2024-10-15 08:00:00+00");
        value("FRISK-1", "91.2", "2024-03-20 08:00:00+00");
        value("FRISK-1", "90.8", "2024-06-18 08:00:00+00");
        value("EM7-LARANDEMAL", "88", "2024-06-10 08:00:00+00");
        value("EM7-LARANDEMAL", "93", "2024-11-10 08:00:00+00");
        // After the review's day: not in it.
        value("HME-1", "70", "2025-02-01 08:00:00+00");
    }

    @Test
    void the_review_has_per_area_an_indicator_table_with_baseline_values_per_period_target_and_met() throws Exception {
        JsonNode review = api.get(review("json")).json();
        assertThat(review.path("entries")).isEmpty();
        JsonNode hme = row(review, "HME-1");
        assertThat(hme.path("areaCode").asText()).isEqualTo("EM9");
        assertThat(hme.path("baseline").decimalValue()).isEqualByComparingTo("77");
        assertThat(hme.path("values")).hasSize(1);
        assertThat(hme.path("values").get(0).path("period").asText()).isEqualTo("2024");
        assertThat(hme.path("values").get(0).path("value").decimalValue()).isEqualByComparingTo("78.5");
        assertThat(hme.path("met").asBoolean()).isTrue();
        assertThat(hme.path("trend").asText()).isEqualTo("up");
        JsonNode frisk = row(review, "FRISK-1");
        assertThat(frisk.path("values")).extracting(v -> v.path("period").asText()).containsExactly("2024 Q1", "2024 Q2");
        assertThat(frisk.path("met").asBoolean()).isFalse();
        assertThat(frisk.path("trend").asText()).isEqualTo("down");
        assertThat(row(review, "EM7-LARANDEMAL").path("values")).extracting(v -> v.path("period").asText())
                .containsExactly("2024 H1", "2024 H2");
        assertThat(row(review, "AVI-1").path("values")).isEmpty();

        String csv = new String(get(review("csv") + "&table=indicators").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("group,area_code,area,indicator,title,unit,baseline")
                .contains("\"HME-1\"").contains("\"2024 Q1: 91.2 | 2024 Q2: 90.8\"").contains(",decrease,");
        assertThat(new String(get(review("csv")).body(), StandardCharsets.UTF_8)).doesNotContain("HME-1");
        assertProblem(api.get(review("csv") + "&table=chart"), 400, "table");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(review("xlsx")).body()))) {
            var sheet = book.getSheet("Indikatorer");
            assertThat(sheet).isNotNull();
            boolean found = false;
            for (var line : sheet) {
                if (line.getRowNum() > 0 && line.getCell(1).getStringCellValue().equals("HME-1")) {
                    assertThat(line.getCell(4).getNumericCellValue()).isEqualTo(77.0);
                    assertThat(line.getCell(7).getNumericCellValue()).isEqualTo(78.5);
                    assertThat(line.getCell(8).getStringCellValue()).isEqualTo("Ja");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }

        String page = new String(get(review("html")).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("Indikatorer per insatsområde").contains("78,5 index ↑").contains("minst 90 %")
                .contains("/indicators/").contains("sparkline.png?key=");

        try (PDDocument pdf = Loader.loadPDF(get(review("pdf")).body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Indikatorer per insatsområde").contains("HME-1").contains("2024 Q2: 90,8 %");
        }
    }

    @Test
    void each_indicator_has_a_sparkline_png_opened_with_the_plans_key_green_when_the_target_is_met() throws Exception {
        String mapLink = api.get("/api/v1/plans/" + planId + "/map-links").json().path("page").asText();
        String key = mapLink.substring(mapLink.indexOf("key=") + 4);
        long hme = id("HME-1");
        String path = "/plans/" + planId + "/indicators/" + hme + "/sparkline.png";

        var opened = plain(path + "?key=" + key);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(opened.body()));
        assertThat(image.getWidth()).isEqualTo(240);
        // The latest value's dot sits at the right end; today it is 70, under the target: red.
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = image.getWidth() - 14; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == 0xcf222e) {
                    red++;
                }
            }
        }
        assertThat(red).isPositive();
        assertThat(plain(path + "?key=wrong").statusCode()).isEqualTo(401);
        long skane = api.get("/api/v1/plans").json().get(0).path("id").asLong();
        String skaneLink = api.get("/api/v1/plans/" + skane + "/map-links").json().path("page").asText();
        String skaneKey = skaneLink.substring(skaneLink.indexOf("key=") + 4);
        assertThat(plain("/plans/" + skane + "/indicators/" + hme + "/sparkline.png?key=" + skaneKey).statusCode())
                .isEqualTo(404);
    }

    private String review(String format) {
        return "/api/v1/plans/" + planId + "/annual-review?year=2024&asOf=2024-12-31&format=" + format;
    }

    private static JsonNode row(JsonNode review, String code) {
        for (JsonNode row : review.path("indicators")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + review.path("indicators"));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> plain(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void value(String code, String value, String at) {
        TestDatabases.execute(running.app().database(), """
                INSERT INTO indicator_values (milestone_id, measured, reporter_name, source, reported_at)
                VALUES (?, CAST(? AS DECIMAL(20, 4)), 'HR-direktören', 'api', CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                id(code), value, at);
    }

    private long id(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?plan=" + planId + "&q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no item " + code);
    }
}
