package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.calendar.WorkingCalendar;

/** The annual review as the board files it: the region's notes, the page, the PDF and the workbook, read back. */
class AnnualReviewDocumentsTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private long planId;

    @BeforeEach
    void reportOnTheYear() {
        planId = api.get("/api/v1/plans").json().get(0).path("id").asLong();
        report("MED-1", "REACHED", "Akademin är igång för chefer i hela regionen", "2023-05-02 08:00:00+00");
        report("PCA-1", "IN_PROGRESS", "Modellen prövas på två sjukhus", "2023-09-14 08:00:00+00");
        TestDatabases.execute(running.app().database(), """
                INSERT INTO report_effects (report_id, effect_id)
                SELECT MAX(r.id), (SELECT MIN(e.id) FROM milestone_effects e WHERE e.milestone_id = ?)
                FROM status_reports r""", milestone("PCA-1"));
        report("NV-1", "REACHED", "Klart långt efter uppföljningen", "2025-03-01 08:00:00+00");
    }

    @Test
    void the_notes_are_written_with_if_match_and_read_in_the_review_each_area_named_once() throws Exception {
        String path = "/api/v1/plans/" + planId + "/annual-review/2023/notes";
        var first = api.send("PUT", path, """
                {"summary":"Arbetet går framåt i alla sju insatsområden.","areas":{"MED":"Akademin är på plats."}}""",
                RunningApp.TOKEN, Map.of("If-Match", "\"0\""));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().path("areas").path("MED").asText()).isEqualTo("Akademin är på plats.");
        assertThat(api.send("PUT", path, "{\"summary\":\"Sent\"}", RunningApp.TOKEN, Map.of("If-Match", "\"0\""))
                .status()).isEqualTo(412);
        assertProblem(api.send("PUT", path, "{\"areas\":{\"XYZ\":\"?\"}}", RunningApp.TOKEN), 400, "areas.XYZ");
        assertProblem(api.send("PUT", path, "{\"summary\":\"" + "x".repeat(8001) + "\"}", RunningApp.TOKEN), 400,
                "summary");
        assertThat(api.get(path).header("ETag")).isEqualTo("\"1\"");
        assertThat(api.get("/api/v1/audit?entity=annual_review_notes").body()).contains("Akademin är på plats.");

        JsonNode review = api.get("/api/v1/plans/" + planId + "/annual-review?year=2023").json();
        assertThat(review.path("summary").asText()).isEqualTo("Arbetet går framåt i alla sju insatsområden.");
        assertThat(review.path("areas")).filteredOn(a -> a.path("code").asText().equals("MED")).singleElement()
                .satisfies(a -> {
                    assertThat(a.path("assessment").asText()).isEqualTo("Akademin är på plats.");
                    assertThat(a.path("goalImage").asText()).isNotBlank();
                });
        String page = text(get("/api/v1/plans/" + planId + "/annual-review?year=2023&format=html"));
        assertThat(page).contains("Arbetet går framåt i alla sju insatsområden.").contains("Målbild")
                .contains("Förväntade effekter på kort sikt").contains("rapporterad som uppnådd");
        assertThat(page.split("<td class=\"area\" rowspan=", -1)).hasSize(7 + 1);
        assertThat(text(get("/api/v1/plans/" + planId + "/annual-review?year=2024&format=html")))
                .contains("SDV infört*").contains("* Inväntar tidplan");
    }

    @Test
    void the_review_lists_the_plans_changes_since_the_review_before_and_the_revisions_a_board_adopted()
            throws Exception {
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        // A year whose review period holds today: from the review date before it (late January) on.
        int year = today.getMonthValue() == 1 ? today.getYear() - 1 : today.getYear();
        api.patch("/api/v1/milestones/" + milestone("MED-3"), "{\"dueDate\":\"2026-06-30\",\"reason\":\"Ny tidplan\"}");
        api.send("DELETE", "/api/v1/milestones/" + milestone("FYS-2") + "?reason=Utg%C3%A5r", null, RunningApp.TOKEN);
        var put = api.send("PUT", "/api/v1/plans/" + planId + "/revisions", "{\"revisions\":["
                + "{\"adoptedOn\":\"" + today + "\",\"board\":\"Hälso- och sjukvårdsnämnden\",\"note\":\"Planen reviderad\"},"
                + "{\"adoptedOn\":\"2000-08-24\",\"board\":\"Regionstyrelsen\"}]}", RunningApp.TOKEN);
        assertThat(put.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/plans/" + planId + "/revisions").json().path("revisions")).hasSize(2);
        assertProblem(api.send("PUT", "/api/v1/plans/" + planId + "/revisions",
                "{\"revisions\":[{\"adoptedOn\":\"2023-08-24\"}]}", RunningApp.TOKEN), 400, "revisions[0].board");

        String path = "/api/v1/plans/" + planId + "/annual-review?year=" + year + "&asOf=" + today;
        JsonNode changes = api.get(path).json().path("changes");

        assertThat(changes.path("to").asText()).isEqualTo(today.toString());
        assertThat(changes.path("items")).anySatisfy(c -> {
            assertThat(c.path("kind").asText()).isEqualTo("moved");
            assertThat(c.path("code").asText()).isEqualTo("MED-3");
            assertThat(c.path("before").asText()).isEqualTo("2023");
            assertThat(c.path("after").asText()).isEqualTo("2026-06-30");
            assertThat(c.path("reason").asText()).isEqualTo("Ny tidplan");
        }).anySatisfy(c -> {
            assertThat(c.path("kind").asText()).isEqualTo("removed");
            assertThat(c.path("code").asText()).isEqualTo("FYS-2");
            assertThat(c.path("reason").asText()).isEqualTo("Utgår");
        });
        assertThat(changes.path("revisions")).singleElement()
                .satisfies(r -> assertThat(r.path("board").asText()).isEqualTo("Hälso- och sjukvårdsnämnden"));
        assertThat(text(get(path + "&format=html"))).contains("Reviderad och antagen " + today
                + " av Hälso- och sjukvårdsnämnden: Planen reviderad").contains("Flyttad från 2023 till 2026-06-30");
        assertThat(api.get("/api/v1/plans/" + planId + "/annual-review?year=2023").json().path("changes")
                .path("items")).isEmpty();
    }

    @Test
    void the_revisions_are_written_with_if_match_a_stale_version_is_refused_and_each_write_is_audited() {
        String path = "/api/v1/plans/" + planId + "/revisions";
        String body = "{\"revisions\":[{\"adoptedOn\":\"2023-08-24\",\"board\":\"Hälso- och sjukvårdsnämnden\"}]}";
        assertThat(api.get(path).header("ETag")).isEqualTo("\"0\"");

        var first = api.send("PUT", path, body, RunningApp.TOKEN, Map.of("If-Match", "\"0\""));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        var stale = api.send("PUT", path, "{\"revisions\":[]}", RunningApp.TOKEN, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get(path).json().path("revisions")).hasSize(1);
        assertThat(api.get(path).header("ETag")).isEqualTo("\"1\"");
        assertThat(api.send("PUT", path, "{\"revisions\":[]}", RunningApp.TOKEN, Map.of("If-Match", "W/\"1\""))
                .status()).isEqualTo(412);

        var cleared = api.send("PUT", path, "{\"revisions\":[]}", RunningApp.TOKEN, Map.of("If-Match", "\"1\""));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get(path).json().path("revisions")).isEmpty();
        assertThat(api.get("/api/v1/audit?entity=plan").body()).contains("update-revisions")
                .contains("Hälso- och sjukvårdsnämnden");
    }

    @Test
    void the_review_shows_the_plans_goals_and_labels_a_description_as_such_where_the_plan_states_no_criterion()
            throws Exception {
        String page = text(get("/api/v1/plans/" + planId + "/annual-review?year=2023&format=html"));

        assertThat(page).contains("Långsiktigt mål: Bättre hälsa för fler")
                .contains("Arbetssätt/processer <span class=\"goals\">– Effektmål: Bättre befolkningens hälsa, "
                        + "Bättre upplevelse för patienter och medarbetare</span>")
                .contains("Förutsättningar <span class=\"goals\">– Effektmål: Effektiva processer</span>")
                .contains("<li data-code=\"MED-1\" class=\"criterion\">MED-1 – <span class=\"label\">Så bedöms den "
                        + "uppnådd:</span> Enligt RD-beslut i januari 2021.</li>")
                .contains("<li data-code=\"NIV-3\" class=\"description\">NIV-3 – <span class=\"label\">Beskrivning "
                        + "i planen:</span> En komplett utbudskarta");
        try (PDDocument pdf = Loader.loadPDF(get("/api/v1/plans/" + planId + "/annual-review?year=2023&format=pdf")
                .body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Långsiktigt mål: Bättre hälsa för fler").contains("Effektmål: Bättre kvalitet")
                    .contains("Beskrivning i planen").contains("En komplett utbudskarta")
                    .contains("Så bedöms den uppnådd").contains("Enligt RD-beslut i januari 2021.");
        }
    }

    @Test
    void the_matrix_layout_puts_areas_in_rows_and_each_year_in_a_pair_of_columns() throws Exception {
        String page = text(get("/api/v1/plans/" + planId + "/annual-review?year=2023&layout=matrix&format=html"));

        assertThat(page).contains("<th>Milstolpar 2022</th><th>Status</th><th>Milstolpar 2023</th><th>Status</th>");
        assertThat(page.split("<tr data-area=", -1)).hasSize(7 + 1);
        assertProblem(api.get("/api/v1/plans/" + planId + "/annual-review?year=2023&layout=grid"), 400, "layout");
        assertProblem(api.get("/api/v1/plans/" + planId + "/annual-review?year=2023&format=docx"), 400, "format");
    }

    @Test
    void the_pdf_is_a4_landscape_with_the_milestones_in_swedish_embedded_fonts_and_page_numbers() throws Exception {
        var response = get("/api/v1/plans/" + planId + "/annual-review?year=2023", "application/pdf");

        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Årlig uppföljning 2023").contains("Status per 2024-01-31")
                    .contains("Ledarskapsakademi är inrättad").contains("Hälso- och vårdutbudskarta")
                    .contains("Akademin är igång för chefer i hela regionen").contains("● Uppnådd")
                    .contains("Sida 1 av " + pdf.getNumberOfPages()).doesNotContain("Klart långt efter");
            var box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            assertThat(box.getHeight()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(pdf.getPages()).anySatisfy(p -> assertThat(p.getResources().getXObjectNames()).isNotEmpty());
        }
    }

    @Test
    void the_workbook_holds_the_figures_of_the_json_with_colours_as_fills_a_frozen_header_and_filters() throws Exception {
        JsonNode json = api.get("/api/v1/plans/" + planId + "/annual-review?year=2023").json();
        var response = get("/api/v1/plans/" + planId + "/annual-review?year=2023&format=xlsx", "*/*");

        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith(AnnualReviewController.XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet status = book.getSheet("Status");
            assertThat(status.getLastRowNum()).isEqualTo(json.path("entries").size());
            assertThat(status.getPaneInformation().isFreezePane()).isTrue();
            assertThat(status.getCTWorksheet().isSetAutoFilter()).isTrue();
            Map<String, Row> rows = new HashMap<>();
            for (int r = 1; r <= status.getLastRowNum(); r++) {
                rows.put(status.getRow(r).getCell(2).getStringCellValue(), status.getRow(r));
            }
            for (JsonNode entry : json.path("entries")) {
                Row row = rows.get(entry.path("milestoneCode").asText());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(entry.path("title").asText());
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo(entry.path("colour").asText());
                XSSFCellStyle fill = (XSSFCellStyle) row.getCell(6).getCellStyle();
                assertThat(fill.getFillForegroundXSSFColor().getARGBHex())
                        .endsWith(AnnualReviewPage.FILL.get(entry.path("colour").asText()));
            }
            assertThat(rows.get("MED-1").getCell(6).getStringCellValue()).isEqualTo("Uppnådd");

            XSSFSheet reports = book.getSheet("Rapporter");
            assertThat(reports.getLastRowNum()).isEqualTo(2);
            assertThat(reports.getRow(1).getCell(1).getStringCellValue()).isEqualTo("MED-1");
            XSSFSheet effects = book.getSheet("Effekter");
            long seen = 0;
            for (int r = 1; r <= effects.getLastRowNum(); r++) {
                seen += effects.getRow(r).getCell(3).getStringCellValue().equals("Ja") ? 1 : 0;
            }
            assertThat(seen).isEqualTo(1);
        }
    }

    @Test
    void the_pdf_opens_with_the_plans_read_only_key_as_the_card_links_it_and_not_without() throws Exception {
        String mapLink = api.get("/api/v1/plans/" + planId + "/map-links").json().path("page").asText();
        String key = mapLink.substring(mapLink.indexOf("key=") + 4);
        String url = "/plans/" + planId + "/annual-review.pdf?year=2023&key=" + key;

        var opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        var refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + "/plans/" + planId + "/annual-review.pdf?year=2023&key=wrong")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(new String(opened.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void bold_text_in_the_pdf_is_set_in_the_embedded_bold_face() throws Exception {
        var response = get("/api/v1/plans/" + planId + "/annual-review?year=2023", "application/pdf");

        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            java.util.Set<String> fonts = new java.util.HashSet<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertThat(fonts).contains("DejaVuSans", "DejaVuSans-Bold");
            Map<String, String> fontOf = new HashMap<>();
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions)
                        throws java.io.IOException {
                    fontOf.putIfAbsent(text.strip(), positions.get(0).getFont().getName());
                    super.writeString(text, positions);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(pdf);
            // The title is a heading, in bold; the plan's name under it is not.
            assertThat(fontOf.entrySet()).anySatisfy(e -> {
                assertThat(e.getKey()).startsWith("Årlig uppföljning 2023");
                assertThat(e.getValue()).endsWith("+DejaVuSans-Bold");
            });
            assertThat(fontOf.entrySet()).anySatisfy(e -> {
                assertThat(e.getKey()).startsWith("Organisation: Region Skåne");
                assertThat(e.getValue()).endsWith("+DejaVuSans");
            });
        }
    }

    @Test
    void the_map_in_the_pdf_shows_the_status_as_of_the_review_date_not_today() throws Exception {
        // NV-1 was reported reached in 2025, long after the 2023 review: today's map shows it green,
        // the review's map grey; MED-1 (reached in 2023) is green in both.
        var today = javax.imageio.ImageIO.read(new ByteArrayInputStream(get("/plans/" + planId + "/map.png").body()));
        var response = get("/api/v1/plans/" + planId + "/annual-review?year=2023&format=pdf", "*/*");

        java.awt.image.BufferedImage inPdf = null;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
                            && image.getWidth() == today.getWidth()) {
                        inPdf = image.getImage();
                    }
                }
            }
        }
        assertThat(inPdf).as("the map in the PDF").isNotNull();
        int green = 0x2e9e4f;
        int yellow = 0xf4c430;
        int greenToday = pixels(today, green);
        int greenThen = pixels(inPdf, green);
        assertThat(greenThen).isPositive();
        // One green box fewer: NV-1's box is at least 200 × 40 pixels.
        assertThat(greenToday - greenThen).isGreaterThan(200 * 40);
        assertThat(pixels(inPdf, yellow)).isCloseTo(pixels(today, yellow), org.assertj.core.data.Offset.offset(400));
    }

    private static int pixels(java.awt.image.BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return get(path, "*/*");
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void report(String code, String status, String comment, String at) {
        TestDatabases.execute(running.app().database(), """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                VALUES (?, ?, ?, 'Anna Berg', 'api', CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                milestone(code), status, comment, at);
    }

    private long milestone(String code) {
        for (JsonNode m : api.get("/api/v1/milestones?q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no milestone " + code);
    }
}
