package se.planpuls.api.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.RunningApp;
import se.planpuls.db.IndicatorService;
import se.planpuls.domain.NewIndicatorValue;
import se.planpuls.domain.Reporter;

/** Indicators through the real server: the seeds' effect goals imported and round-tripped, read, created and refused. */
class IndicatorApiTest {
    static final String OREBRO = "/plans/orebro-effektmal-indikatorer-2024.json";
    static final String VGR = "/plans/vgr-prioriteringar-indikatorer-2023-2027.csv";

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    private RunningApp running;

    @BeforeEach
    void start() {
        running = new RunningApp(dataDir);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void orebros_effect_goals_import_as_indicators_with_their_targets_and_read_with_their_values() {
        var imported = running.importJson(RunningApp.resource(OREBRO));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long planId = imported.json().path("planId").asLong();

        JsonNode list = running.api.get("/api/v1/milestones?plan=" + planId + "&kind=indicator").json();
        assertThat(list).hasSize(9);
        JsonNode hme = code(list, "HME-1");
        assertThat(hme.path("indicator").path("unit").asText()).isEqualTo("index");
        assertThat(hme.path("indicator").path("baseline").decimalValue()).isEqualByComparingTo("77");
        assertThat(hme.path("indicator").path("direction").asText()).isEqualTo("at_least");
        assertThat(code(list, "EM7-LARANDEMAL").path("indicator").path("target").decimalValue())
                .isEqualByComparingTo("90");
        assertThat(code(list, "AVI-1").path("indicator").path("direction").asText()).isEqualTo("increase");
        assertThat(code(list, "EM7-LARANDEMAL").path("frequency").asText()).isEqualTo("half_yearly");

        long id = hme.path("id").asLong();
        var indicators = new IndicatorService(running.app().database(), java.time.Clock.systemUTC());
        indicators.report(new NewIndicatorValue(id, new BigDecimal("78.5"), "enkät 2024", new Reporter(null, "admin"),
                "api", null));
        JsonNode detail = running.api.get("/api/v1/milestones/" + id).json().path("milestone").path("indicator");
        assertThat(detail.path("values")).hasSize(1);
        assertThat(detail.path("values").get(0).path("value").decimalValue()).isEqualByComparingTo("78.5");
        assertThat(detail.path("values").get(0).path("comment").asText()).isEqualTo("enkät 2024");
        assertThat(detail.path("latest").decimalValue()).isEqualByComparingTo("78.5");
        assertThat(detail.path("trend").asText()).isEqualTo("up");
        assertThat(detail.path("onTarget").asBoolean()).isTrue();
        assertThat(running.api.get("/api/v1/milestones?plan=" + planId + "&kind=milestone").json()).isEmpty();
    }

    @Test
    void the_seed_indicators_round_trip_through_json_and_csv_export_and_import_into_an_empty_database() {
        var orebro = running.importJson(RunningApp.resource(OREBRO));
        var vgr = running.importCsv(RunningApp.resource(VGR));
        assertThat(vgr.status()).as(vgr.body()).isEqualTo(201);
        assertThat(vgr.json().path("created").asInt()).isEqualTo(4);
        String[][] exports = new String[2][];
        int i = 0;
        for (long plan : new long[] {orebro.json().path("planId").asLong(), vgr.json().path("planId").asLong()}) {
            exports[i++] = new String[] {export(running, plan, "json"), export(running, plan, "csv")};
        }
        assertThat(exports[1][0]).contains("\"baseline\" : 61.5").contains("\"direction\" : \"at_most\"");
        assertThat(exports[0][1]).contains("HME-1").contains(",index,77,2023-12-31,77,2024-12-31,at_least");
        // "Över 85 %" is written as the plan writes it: above 85, not at least 85.1.
        assertThat(exports[0][0]).contains("\"target\" : 85,").contains("\"direction\" : \"above\"");
        assertThat(exports[0][1]).contains("EM7-SAMARBETE").contains(",%,,,85,2024-12-31,above");

        running.close();
        running = new RunningApp(otherDataDir);
        for (String[] plan : exports) {
            for (int format = 0; format < 2; format++) {
                var imported = format == 0 ? running.importJson(plan[0]) : running.importCsv(plan[1]);
                assertThat(imported.status()).as(imported.body()).isIn(200, 201);
                assertThat(imported.json().path("updated").asInt()).as(imported.body()).isZero();
                long id = imported.json().path("planId").asLong();
                assertThat(export(running, id, format == 0 ? "json" : "csv")).isEqualTo(plan[format]);
            }
        }
    }

    @Test
    void a_changed_target_on_reimport_is_an_update_of_the_item_and_the_same_file_again_changes_nothing() {
        String json = RunningApp.resource(OREBRO);
        running.importJson(json);
        var same = running.importJson(json);
        assertThat(same.json().path("unchanged").asInt()).as(same.body()).isEqualTo(9);

        var changed = running.importJson(json.replace("\"target\": 90, \"targetDate\"", "\"target\": 92, \"targetDate\""));

        assertThat(changed.json().path("updated").asInt()).as(changed.body()).isEqualTo(1);
        assertThat(changed.json().path("changes").get(0).path("fields").get(0).asText()).isEqualTo("indicator");
    }

    @Test
    void bad_indicator_fields_in_an_import_are_named_by_the_files_own_columns() {
        var direction = running.importCsv(RunningApp.resource(VGR).replace(";at_most", ";lagom"));
        assertThat(direction.status()).as(direction.body()).isEqualTo(400);
        assertThat(direction.body()).contains("row 5.target_direction");
        var range = running.importCsv(RunningApp.resource(VGR).replace(";%;61,5;", ";%;161,5;"));
        assertThat(range.status()).as(range.body()).isEqualTo(400);
        assertThat(range.body()).contains("row 2.baseline").contains("between 0 and 100");
        String json = RunningApp.resource(OREBRO).replace("\"unit\": \"kr\", \"direction\": \"increase\"",
                "\"direction\": \"increase\"");
        var noUnit = running.importJson(json);
        assertThat(noUnit.status()).as(noUnit.body()).isEqualTo(400);
        assertThat(noUnit.body()).contains("groups[0].areas[0].milestones[0].indicator.unit");
    }

    @Test
    void the_admin_api_creates_and_changes_an_indicator_and_names_each_bad_field() {
        String base = "{\"planId\":1,\"areaCode\":\"MED\",\"code\":\"HME-9\",\"kind\":\"indicator\",\"title\":\"HME\","
                + "\"dueYear\":2026,\"frequency\":\"yearly\"";
        assertProblem(running.api.post("/api/v1/milestones", base + "}"), 400, "indicator");
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"%\",\"direction\":"
                + "\"at_least\"}}"), 400, "indicator.target");
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"%\",\"direction\":"
                + "\"upp\"}}"), 400, "indicator.direction");
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"%\",\"target\":\"90\","
                + "\"direction\":\"at_least\"}}"), 400, "indicator.target");
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"%\",\"target\":190,"
                + "\"direction\":\"at_least\"}}"), 400, "indicator.target");
        for (String hostile : new String[] {"1e400", "123456789012345678901234567890", "90.123456"}) {
            assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"index\",\"target\":"
                    + hostile + ",\"direction\":\"at_least\"}}"), 400, "indicator.target");
        }
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"in\\u0000dex\","
                + "\"target\":80,\"direction\":\"at_least\"}}"), 400, "indicator.unit");
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"units\":\"%\"}}"), 400,
                "indicator.units");
        assertProblem(running.api.post("/api/v1/milestones", base + ",\"indicator\":[1]}"), 400, "indicator");
        assertProblem(running.api.post("/api/v1/milestones", base.replace("\"indicator\"", "\"milestone\"")
                + ",\"indicator\":{\"unit\":\"%\",\"target\":90,\"direction\":\"at_least\"}}"), 400, "indicator");
        assertProblem(running.api.post("/api/v1/milestones", base.replace(",\"frequency\":\"yearly\"", "")
                + ",\"indicator\":{\"unit\":\"%\",\"target\":90,\"direction\":\"at_least\"}}"), 400, "frequency");

        var created = running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"index\",\"baseline\":77,"
                + "\"baselineDate\":\"2025-12-31\",\"target\":80,\"direction\":\"at_least\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("milestone").path("id").asLong();
        var changed = running.api.patch("/api/v1/milestones/" + id, "{\"indicator\":{\"unit\":\"index\",\"target\":79,"
                + "\"direction\":\"at_least\"},\"reason\":\"nytt mål\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("milestone").path("indicator").path("target").decimalValue())
                .isEqualByComparingTo("79");
        assertThat(changed.json().path("milestone").path("frequency").asText()).isEqualTo("yearly");

        // Its shape: reported by its frequency, so never ongoing; the answer keeps the indicator beside the shape.
        String shape = "/api/v1/milestones/" + id + "/shape";
        assertProblem(running.api.send("PUT", shape, "{\"ongoing\":true}", RunningApp.TOKEN), 400, "ongoing");
        var shaped = running.api.send("PUT", shape, "{\"reportTo\":[\"Ledningsgruppen\",\"Regionstyrelsen\"]}",
                RunningApp.TOKEN);
        assertThat(shaped.status()).as(shaped.body()).isEqualTo(200);
        assertThat(shaped.json().path("milestone").path("shape").path("reportTo")).hasSize(2);
        assertThat(shaped.json().path("milestone").path("indicator").path("target").decimalValue())
                .isEqualByComparingTo("79");
    }

    @Test
    void over_85_percent_is_strictly_above_85_through_import_the_api_and_the_judgement_of_the_target() {
        long planId = running.importJson(RunningApp.resource(OREBRO)).json().path("planId").asLong();
        JsonNode list = running.api.get("/api/v1/milestones?plan=" + planId + "&kind=indicator").json();
        JsonNode samarbete = code(list, "EM7-SAMARBETE").path("indicator");
        assertThat(samarbete.path("direction").asText()).isEqualTo("above");
        assertThat(samarbete.path("target").decimalValue()).isEqualByComparingTo("85");
        assertThat(code(list, "PROC-HANDLEDNING").path("indicator").path("direction").asText()).isEqualTo("above");

        long id = code(list, "EM7-SAMARBETE").path("id").asLong();
        var indicators = new IndicatorService(running.app().database(), java.time.Clock.systemUTC());
        indicators.report(new NewIndicatorValue(id, new BigDecimal("85"), null, new Reporter(null, "admin"), "api",
                null));
        assertThat(running.api.get("/api/v1/milestones/" + id).json().path("milestone").path("indicator")
                .path("onTarget").asBoolean()).as("85 is not over 85").isFalse();
        indicators.report(new NewIndicatorValue(id, new BigDecimal("85.5"), null, new Reporter(null, "admin"), "api",
                null));
        assertThat(running.api.get("/api/v1/milestones/" + id).json().path("milestone").path("indicator")
                .path("onTarget").asBoolean()).isTrue();

        String base = "{\"planId\":1,\"areaCode\":\"MED\",\"code\":\"LIG-1\",\"kind\":\"indicator\","
                + "\"title\":\"Vårdtid\",\"dueYear\":2026,\"frequency\":\"yearly\"";
        var below = running.api.post("/api/v1/milestones", base + ",\"indicator\":{\"unit\":\"dagar\",\"target\":5,"
                + "\"direction\":\"under\"}}");
        assertThat(below.status()).as(below.body()).isEqualTo(201);
        assertThat(below.json().path("milestone").path("indicator").path("direction").asText()).isEqualTo("below");
        assertProblem(running.api.post("/api/v1/milestones", base.replace("LIG-1", "LIG-2")
                + ",\"indicator\":{\"unit\":\"dagar\",\"direction\":\"above\"}}"), 400, "indicator.target");
        var unknown = running.api.post("/api/v1/milestones", base.replace("LIG-1", "LIG-3")
                + ",\"indicator\":{\"unit\":\"dagar\",\"target\":5,\"direction\":\"lagom\"}}");
        assertProblem(unknown, 400, "indicator.direction");
        assertThat(unknown.body()).contains("at_least, at_most, above, below, increase, decrease");

        JsonNode openApi = running.api.get("/openapi.json").json();
        assertThat(openApi.path("components").path("schemas").path("IndicatorBody").path("properties")
                .path("direction").path("enum")).extracting(JsonNode::asText)
                .containsExactly("at_least", "at_most", "above", "below", "increase", "decrease");
    }

    private static JsonNode code(JsonNode list, String code) {
        for (JsonNode item : list) {
            if (item.path("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code + " in " + list);
    }

    private static String export(RunningApp app, long planId, String format) {
        var response = app.api.get("/api/v1/plans/" + planId + "/export?format=" + format);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
