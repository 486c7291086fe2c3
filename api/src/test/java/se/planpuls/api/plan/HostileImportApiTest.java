package se.planpuls.api.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/**
 * Plan files and texts as careful admins and attackers send them, on H2 and PostgreSQL: large but
 * valid files, NULs, formulas, Excel's CSV, dependency cycles. Each answers as the API promises.
 */
class HostileImportApiTest {
    private static final String HEADER = "plan_slug,plan_name,organisation,period_start,period_end,area_group,area,"
            + "area_name,kind,code,title,due,owner_email,owner_name,depends_on\n";

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    private static String row(String code, String title, String dependsOn) {
        return "big-plan,Stor plan,Region Test,2024,2025,Grupp,A,Område A,milestone," + code + ",\"" + title
                + "\",2025,owner-" + code.toLowerCase() + "@example.com,Ägare " + code + "," + dependsOn + "\n";
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_valid_file_of_four_hundred_items_with_long_titles_imports_and_is_audited(TestDatabases.Kind kind) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 420; i++) {
            csv.append(row("A-" + i, ("Titel " + i + " ").repeat(50).substring(0, 400), ""));
        }
        assertThat(csv.length()).isGreaterThan(200_000).isLessThan(1024 * 1024);
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var response = running.importCsv(csv.toString());

            assertThat(response.status()).as(response.body()).isEqualTo(201);
            JsonNode audit = running.api.get("/api/v1/audit?entity=plan").json();
            assertThat(audit.toString()).contains("big-plan");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_nul_in_any_text_is_refused_naming_the_field_and_nothing_is_written(TestDatabases.Kind kind) {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var api = running.api;
            String auditBefore = api.get("/api/v1/audit").body();

            assertProblem(api.get("/api/v1/milestones?q=" + URLEncoder.encode("MED\u0000", StandardCharsets.UTF_8)),
                    400, "q");
            assertProblem(api.post("/api/v1/owners", "{\"name\":\"Anna\\u0000Berg\",\"email\":\"anna@example.com\"}"),
                    400, "name");
            assertProblem(api.patch("/api/v1/milestones/24", "{\"title\":\"SDV\\u0007\"}"), 400, "title");
            var json = running.importJson(RunningApp.resource(PlanImportApiTest.SODRA)
                    .replace("\"Nyhetsbrev", "\"Nyhets\\u0000brev"));
            assertThat(json.status()).isEqualTo(400);
            assertThat(json.json().path("errors").get(0).path("field").asText()).matches("groups\\[\\d+].*\\.title");
            var csv = running.importCsv(HEADER + row("A-1", "Noll\u0000tecken", ""));
            assertProblem(csv, 400, "row 2.title");

            assertThat(api.get("/api/v1/owners").json()).isEmpty();
            assertThat(api.get("/api/v1/plans").json()).hasSize(1);
            assertThat(api.get("/api/v1/audit").body()).isEqualTo(auditBefore);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void formulas_are_defused_in_every_csv_and_export_then_import_is_exact(TestDatabases.Kind kind) {
        String csv = HEADER + row("A-1", "=cmd|' /C calc'!A0", "") + row("A-2", "'=already quoted", "")
                + row("A-3", "+46 70 123", "") + row("A-4", "@SUM(A1)", "") + row("A-5", "Vanlig titel", "");
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            long plan = running.importCsv(csv).json().path("planId").asLong();
            long item = running.api.get("/api/v1/milestones?plan=" + plan + "&q=A-5").json().get(0).path("id").asLong();
            running.api.patch("/api/v1/milestones/" + item, "{\"dueDate\":\"2025-09-30\",\"reason\":\"=HYPERLINK(\\\"http://x\\\")\"}");

            String export = running.api.get("/api/v1/plans/" + plan + "/export?format=csv").body();
            String history = running.api.get("/api/v1/plans/" + plan + "/history.csv").body();

            // An apostrophe before a formula is how a spreadsheet user writes it as text: imported as the text.
            assertThat(running.api.get("/api/v1/milestones?plan=" + plan + "&q=A-2").json().get(0).path("title")
                    .asText()).isEqualTo("=already quoted");
            assertThat(export).contains(",'=cmd|' /C calc'!A0,", ",'=already quoted,", ",'+46 70 123,", ",'@SUM(A1),")
                    .doesNotContain(",=cmd", ",+46", ",@SUM");
            assertThat(history).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");

            try (RunningApp other = RunningApp.on(kind, otherDataDir)) {
                var imported = other.importCsv(export);
                assertThat(imported.status()).as(imported.body()).isEqualTo(201);
                long again = imported.json().path("planId").asLong();
                assertThat(other.api.get("/api/v1/plans/" + again + "/export?format=csv").body()).isEqualTo(export);
                assertThat(other.api.get("/api/v1/milestones?plan=" + again + "&q=A-1").json().get(0).path("title")
                        .asText()).isEqualTo("=cmd|' /C calc'!A0");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_import_with_a_dependency_cycle_is_refused_naming_the_cycle_and_imports_nothing(TestDatabases.Kind kind) {
        String csv = HEADER + row("NR-1", "Ett", "NR-2") + row("NR-2", "Två", "NR-3") + row("NR-3", "Tre", "NR-1");
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var response = running.importCsv(csv);

            assertProblem(response, 400, "row 4.depends_on");
            assertThat(response.json().path("errors").get(0).path("message").asText())
                    .contains("NR-3 → NR-1 → NR-2 → NR-3");
            assertThat(running.api.get("/api/v1/plans").json()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void csv_as_swedish_excel_saves_it_imports_with_bom_semicolons_or_windows_1252(TestDatabases.Kind kind)
            throws Exception {
        String semicolons = (HEADER + row("A-1", "Åtgärd för äldre, öppenvård", "")).replace(",", ";")
                .replace("Åtgärd för äldre; öppenvård", "Åtgärd för äldre, öppenvård");
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var utf8 = running.importCsv("\uFEFF" + semicolons);
            assertThat(utf8.status()).as(utf8.body()).isEqualTo(201);

            byte[] cp1252 = semicolons.replace("big-plan", "ansi-plan").getBytes(Charset.forName("windows-1252"));
            var request = HttpRequest.newBuilder(URI.create(running.api.baseUrl() + "/api/v1/plans/import"))
                    .header("Authorization", "Bearer " + RunningApp.TOKEN).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(cp1252)).build();
            var ansi = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(ansi.statusCode()).as(ansi.body()).isEqualTo(201);

            long plan = utf8.json().path("planId").asLong();
            assertThat(running.api.get("/api/v1/milestones?plan=" + plan).json().get(0).path("title").asText())
                    .isEqualTo("Åtgärd för äldre, öppenvård");
            assertThat(running.api.get("/api/v1/milestones?q=" + URLEncoder.encode("Åtgärd", StandardCharsets.UTF_8))
                    .json()).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_malformed_csv_is_explained_by_line_without_class_names(TestDatabases.Kind kind) {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            var response = running.importCsv(HEADER + row("A-1", "Bra", "") + "big-plan,\"open quote\"x,\n");

            assertProblem(response, 400, "body");
            assertThat(response.body()).doesNotContain("Exception", "java.", "org.apache")
                    .contains("line");
            assertThat(running.send("POST", "/api/v1/plans/import", "not,a\n\"plan", Map.of("Content-Type", "text/csv"))
                    .body()).doesNotContain("Exception", "java.", "org.apache");
        }
    }
}
