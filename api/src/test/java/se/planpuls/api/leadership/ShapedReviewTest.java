package se.planpuls.api.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/**
 * The annual review of plans as regions write them, read back from every document: Örebro's
 * assignments with their deliverables under them, group owners and ongoing commitments, and Södra's
 * count-based commitments with their reports in the year and several report-to bodies.
 */
class ShapedReviewTest {
    static final String OREBRO = "/plans/orebro-uppdrag-2024-delleveranser.csv";
    static final String SODRA = "/plans/sodra-verksamhetsplan-2022-2023-frekvenser.json";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void deliverables_follow_their_parent_with_its_summarised_status_in_json_csv_workbook_and_pdf(
            TestDatabases.Kind kind) throws Exception {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            long plan = running.importCsv(RunningApp.resource(OREBRO)).json().path("planId").asLong();
            report(running, plan, "NR-3-a", "REACHED", false, "Karin Ek", "2024-03-01 09:00:00+00");
            report(running, plan, "NR-3-b", "REACHED", false, "Karin Ek", "2024-04-01 09:00:00+00");
            report(running, plan, "NR-3-c", "REACHED", false, "Karin Ek", "2024-05-01 09:00:00+00");
            report(running, plan, "NR-7-a", "REACHED", false, "Karin Ek", "2024-06-01 09:00:00+00");
            report(running, plan, "NR-7-b", "IN_PROGRESS", true, "Olle Lind", "2024-09-01 09:00:00+00");
            report(running, plan, "NR-9", "IN_PROGRESS", false, "Per Sund", "2024-10-01 09:00:00+00");
            report(running, plan, "NR-10", "IN_PROGRESS", false, "Per Sund", "2024-10-01 09:00:00+00");
            adminReport(running, plan, "NR-10", "IN_PROGRESS", "2024-10-02 09:00:00+00");
            String path = "/api/v1/plans/" + plan + "/annual-review?year=2024&asOf=2024-12-31&format=";

            JsonNode review = running.api.get(path + "json").json();
            List<String> codes = new ArrayList<>();
            review.path("entries").forEach(e -> codes.add(e.path("milestoneCode").asText()));
            assertThat(codes).containsSubsequence("NR-3", "NR-3-a", "NR-3-b", "NR-3-c", "NR-4");
            assertThat(codes.indexOf("NR-7-d")).isEqualTo(codes.indexOf("NR-7") + 4);
            JsonNode nr3 = entry(review, "NR-3");
            assertThat(nr3.path("status").asText()).isEqualTo("REACHED");
            assertThat(nr3.path("deliverables").path("reached").asInt()).isEqualTo(3);
            assertThat(nr3.path("deliverables").path("codes")).extracting(JsonNode::asText)
                    .containsExactly("NR-3-a", "NR-3-b", "NR-3-c");
            JsonNode nr7 = entry(review, "NR-7");
            assertThat(nr7.path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(nr7.path("colour").asText()).isEqualTo("yellow");
            assertThat(nr7.path("deliverables").path("total").asInt()).isEqualTo(4);
            assertThat(nr7.path("deliverables").path("atRisk").asBoolean()).isTrue();
            assertThat(nr7.path("parent").isNull()).isTrue();
            JsonNode nr7b = entry(review, "NR-7-b");
            assertThat(nr7b.path("parent").asText()).isEqualTo("NR-7");
            assertThat(nr7b.path("owner").asText()).isEqualTo("förvaltningen");
            assertThat(nr7b.path("ownerIsGroup").asBoolean()).isTrue();
            assertThat(nr7b.path("answeredBy").asText()).isEqualTo("Olle Lind");
            assertThat(nr7b.path("reportTo")).extracting(JsonNode::asText).containsExactly("Hälso- och sjukvårdsnämnden");
            JsonNode nr9 = entry(review, "NR-9");
            assertThat(nr9.path("ongoing").asBoolean()).isTrue();
            assertThat(nr9.path("owner").asText()).isEqualTo("beredningarna");
            // The latest report on NR-10 was an admin's, made for no group: nobody is named as answering.
            assertThat(entry(review, "NR-10").path("answeredBy").isNull()).isTrue();

            List<CSVRecord> rows = csv(text(get(running, path + "csv")));
            CSVRecord child = rows.stream().filter(r -> r.get("milestone").equals("NR-7-b")).findFirst().orElseThrow();
            assertThat(child.get("parent")).isEqualTo("NR-7");
            assertThat(child.get("answered_by")).isEqualTo("Olle Lind");
            CSVRecord parent = rows.stream().filter(r -> r.get("milestone").equals("NR-7")).findFirst().orElseThrow();
            assertThat(parent.get("parent")).isEmpty();
            assertThat(parent.get("deliverables_reached") + "/" + parent.get("deliverables_total")).isEqualTo("1/4");
            assertThat(rows.stream().filter(r -> r.get("milestone").equals("NR-9")).findFirst().orElseThrow()
                    .get("ongoing")).isEqualTo("true");

            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(running, path + "xlsx").body()))) {
                XSSFSheet sheet = book.getSheet("Status");
                assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("Del av");
                Row nr7Row = row(sheet, "NR-7");
                Row nr7aRow = row(sheet, "NR-7-a");
                assertThat(nr7Row.getCell(11).getStringCellValue()).isEmpty();
                assertThat(nr7Row.getOutlineLevel()).isZero();
                assertThat(nr7Row.getCell(15).getStringCellValue()).startsWith("1 av 4 delleveranser uppnådda");
                assertThat(nr7aRow.getCell(11).getStringCellValue()).isEqualTo("NR-7");
                assertThat(nr7aRow.getOutlineLevel()).isEqualTo(1);
                assertThat(nr7aRow.getCell(2).getCellStyle().getIndention()).isPositive();
                assertThat(nr7aRow.getRowNum()).isEqualTo(nr7Row.getRowNum() + 1);
                Row nr9Row = row(sheet, "NR-9");
                assertThat(nr9Row.getCell(4).getStringCellValue()).isEqualTo("Löpande");
                assertThat(nr9Row.getCell(12).getStringCellValue()).isEqualTo("beredningarna (grupp), Per Sund svarade för gruppen");
            }

            String page = text(get(running, path + "html"));
            assertThat(page).contains("<tr data-code=\"NR-7-b\" class=\"deliverable\" data-parent=\"NR-7\">")
                    .contains("1 av 4 delleveranser uppnådda – någon delleverans i riskzon eller sen");

            try (PDDocument pdf = Loader.loadPDF(get(running, path + "pdf").body())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).contains("NR-7 Att ta fram en färdplan för operationsflödet")
                        .contains("3 av 3 delleveranser uppnådda").contains("Löpande")
                        .contains("Ägare: förvaltningen (grupp), Olle Lind svarade för gruppen");
                // Each of the 16 deliverables is marked as one, under its parent and in its order.
                assertThat(text.split("↳", -1)).hasSize(17);
                assertThat(text.indexOf("NR-7-a")).isGreaterThan(text.indexOf("NR-7 Att ta fram"))
                        .isLessThan(text.indexOf("NR-7-b"));
                assertThat(text.indexOf("NR-7-d")).isLessThan(text.indexOf("NR-8 Att ta fram"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_count_based_commitment_shows_its_reports_in_the_year_and_an_ongoing_one_is_never_late(
            TestDatabases.Kind kind) throws Exception {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            long plan = running.importJson(RunningApp.resource(SODRA)).json().path("planId").asLong();
            // The year before counts for that year only.
            report(running, plan, "P5-LEDNINGSGRUPP", "IN_PROGRESS", false, "Eva Holm", "2022-11-10 09:00:00+00");
            report(running, plan, "P5-LEDNINGSGRUPP", "IN_PROGRESS", false, "Eva Holm", "2023-02-10 09:00:00+00");
            report(running, plan, "P5-CHEFSFORUM", "IN_PROGRESS", false, "Eva Holm", "2023-03-10 09:00:00+00");
            report(running, plan, "P5-CHEFSFORUM", "IN_PROGRESS", false, "Eva Holm", "2023-05-10 09:00:00+00");
            report(running, plan, "P4-NYHETSBREV", "IN_PROGRESS", false, "Eva Holm", "2023-01-10 09:00:00+00");
            String path = "/api/v1/plans/" + plan + "/annual-review?year=2023&asOf=2023-10-15&format=";

            JsonNode review = running.api.get(path + "json").json();
            // By mid-October three of four are called for: with one report it is two short, late.
            JsonNode board = entry(review, "P5-LEDNINGSGRUPP").path("count");
            assertThat(board.path("reports").asInt()).isEqualTo(1);
            assertThat(board.path("min").asInt()).isEqualTo(4);
            assertThat(board.path("pace").asText()).isEqualTo("late");
            assertThat(board.path("onTrack").asBoolean()).isFalse();
            JsonNode forum = entry(review, "P5-CHEFSFORUM").path("count");
            assertThat(forum.path("reports").asInt()).isEqualTo(2);
            assertThat(forum.path("max").asInt()).isEqualTo(2);
            assertThat(forum.path("pace").asText()).isEqualTo("on_track");
            JsonNode ongoing = entry(review, "P82-RAPPORTERING");
            assertThat(ongoing.path("ongoing").asBoolean()).isTrue();
            assertThat(ongoing.path("count").isNull()).isTrue();
            assertThat(ongoing.path("reportTo")).extracting(JsonNode::asText)
                    .containsExactly("Ledningsgruppen", "Politiska styrgruppen", "Södra regionvårdsnämnden");
            assertThat(entry(review, "P5-LEDNINGSGRUPP").path("owner").asText()).isEqualTo("ledningsgruppen");
            // Reviewed after the year is over, a commitment short of its minimum is late, one report short or not.
            JsonNode closed = running.api.get("/api/v1/plans/" + plan + "/annual-review?year=2023&asOf=2024-01-31")
                    .json();
            assertThat(entry(closed, "P6-WEBINARIUM").path("count").path("reports").asInt()).isZero();
            assertThat(entry(closed, "P6-WEBINARIUM").path("count").path("pace").asText()).isEqualTo("late");
            assertThat(entry(closed, "P5-LEDNINGSGRUPP").path("count").path("pace").asText()).isEqualTo("late");
            assertThat(entry(closed, "P5-CHEFSFORUM").path("count").path("pace").asText()).isEqualTo("on_track");
            // The year before has its own count.
            assertThat(entry(running.api.get("/api/v1/plans/" + plan + "/annual-review?year=2022&asOf=2022-12-31")
                    .json(), "P5-LEDNINGSGRUPP").path("count").path("reports").asInt()).isEqualTo(1);

            CSVRecord csv = csv(text(get(running, path + "csv"))).stream()
                    .filter(r -> r.get("milestone").equals("P5-CHEFSFORUM")).findFirst().orElseThrow();
            assertThat(List.of(csv.get("reports_this_year"), csv.get("times_min"), csv.get("times_max"), csv.get("pace")))
                    .containsExactly("2", "1", "2", "on_track");

            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(running, path + "xlsx").body()))) {
                XSSFSheet sheet = book.getSheet("Status");
                assertThat(row(sheet, "P5-LEDNINGSGRUPP").getCell(14).getStringCellValue())
                        .isEqualTo("1 av minst 4 rapporter – sen");
                assertThat(row(sheet, "P82-RAPPORTERING").getCell(13).getStringCellValue())
                        .isEqualTo("Ledningsgruppen\nPolitiska styrgruppen\nSödra regionvårdsnämnden");
            }

            try (PDDocument pdf = Loader.loadPDF(get(running, path + "pdf").body())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).contains("2 av 1–2 rapporter – i fas").contains("1 av minst 4 rapporter – sen")
                        .contains("Rapporteras till: Ledningsgruppen, Politiska styrgruppen, Södra regionvårdsnämnden")
                        .contains("Löpande");
            }

            // In 003's matrix an ongoing item stands in a column of its own, after the years.
            String matrix = text(get(running, path + "html&layout=matrix"));
            assertThat(matrix).contains("<th>Milstolpar 2023</th><th>Status</th><th>Löpande</th><th>Status</th>");

            // A taken review keeps the shapes as they stood.
            var taken = running.api.post("/api/v1/plans/" + plan + "/annual-review?year=2023", "");
            assertThat(taken.status()).as(taken.body()).isIn(200, 201);
            report(running, plan, "P5-CHEFSFORUM", "IN_PROGRESS", false, "Eva Holm", "2023-12-01 09:00:00+00");
            JsonNode kept = running.api.get("/api/v1/plans/" + plan + "/annual-review?year=2023").json();
            assertThat(kept.path("snapshot").asBoolean()).isTrue();
            JsonNode live = running.api.get("/api/v1/plans/" + plan + "/annual-review?year=2023&asOf="
                    + kept.path("asOf").asText()).json();
            for (String code : List.of("P5-LEDNINGSGRUPP", "P5-CHEFSFORUM", "P82-RAPPORTERING")) {
                for (String field : List.of("count", "ongoing", "reportTo", "owner", "ownerIsGroup", "parent")) {
                    assertThat(entry(kept, code).path(field)).as(code + " " + field)
                            .isEqualTo(entry(taken.json(), code).path(field));
                }
            }
            assertThat(entry(live, "P5-CHEFSFORUM").path("count").path("reports").asInt())
                    .isEqualTo(entry(taken.json(), "P5-CHEFSFORUM").path("count").path("reports").asInt() + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void vgrs_ongoing_priorities_are_in_every_years_review_as_ongoing_and_never_late(TestDatabases.Kind kind)
            throws Exception {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            long plan = running.importJson(RunningApp.resource("/plans/vgr-prioriteringar-pagaende.json")).json()
                    .path("planId").asLong();
            for (int year : List.of(2023, 2025)) {
                JsonNode review = running.api.get("/api/v1/plans/" + plan + "/annual-review?year=" + year
                        + "&asOf=" + year + "-12-31").json();
                assertThat(review.path("entries")).extracting(e -> e.path("milestoneCode").asText())
                        .contains("NV-KONTINUITET", "PR-NATIONELLT", "KV-KOMPETENS");
                assertThat(review.path("entries")).allSatisfy(e -> {
                    assertThat(e.path("ongoing").asBoolean()).isTrue();
                    // Nothing reported, but nothing late either: grey, not red.
                    assertThat(e.path("colour").asText()).isEqualTo("grey");
                });
            }
            try (PDDocument pdf = Loader.loadPDF(get(running, "/api/v1/plans/" + plan
                    + "/annual-review?year=2024&asOf=2024-12-31&format=pdf").body())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).contains("NV-KONTINUITET").contains("Löpande ● Ingen rapport");
            }
        }
    }

    private static JsonNode entry(JsonNode review, String code) {
        for (JsonNode e : review.path("entries")) {
            if (e.path("milestoneCode").asText().equals(code)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + code + " in " + review.path("entries"));
    }

    private static Row row(XSSFSheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
    }

    private static HttpResponse<byte[]> get(RunningApp running, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.api.baseUrl() + path))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A report as a member makes it: for the item's group, when a group owns it. */
    private static void report(RunningApp running, long plan, String code, String status, boolean atRisk,
                               String reporter, String at) {
        long item = id(running, plan, code);
        TestDatabases.execute(running.app().database(), """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at, at_risk,
                                            for_group_id)
                VALUES (?, ?, NULL, ?, 'api', CAST(? AS TIMESTAMP WITH TIME ZONE), ?,
                        (SELECT owner_group_id FROM milestones WHERE id = ?))""",
                item, status, reporter, at, atRisk, item);
    }

    /** A report by an admin through the API, for nobody's group. */
    private static void adminReport(RunningApp running, long plan, String code, String status, String at) {
        TestDatabases.execute(running.app().database(), """
                INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at, at_risk)
                VALUES (?, ?, NULL, 'Admin', 'api', CAST(? AS TIMESTAMP WITH TIME ZONE), FALSE)""",
                id(running, plan, code), status, at);
    }

    private static long id(RunningApp running, long plan, String code) {
        for (JsonNode m : running.api.get("/api/v1/milestones?plan=" + plan + "&q=" + code).json()) {
            if (m.path("code").asText().equals(code)) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError("no item " + code);
    }
}
