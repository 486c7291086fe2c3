package se.planpuls.api.group;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/** Groups and their members through the real server: created, read, renamed, guarded by If-Match, audited. */
class OwnerGroupApiTest {
    private static final String AAD = "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_group_gets_members_by_email_and_entra_id_and_every_write_is_audited(TestDatabases.Kind kind) {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            ApiClient api = running.api;
            api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\",\"aadObjectId\":\"" + AAD
                    + "\"}");

            var created = api.post("/api/v1/groups", "{\"name\":\"förvaltningen\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            assertThat(created.location()).isEqualTo("/api/v1/groups/" + id);
            var byAad = api.post("/api/v1/groups/" + id + "/members", "{\"aadObjectId\":\"" + AAD + "\"}");
            assertThat(byAad.status()).as(byAad.body()).isEqualTo(201);
            var byMail = api.post("/api/v1/groups/" + id + "/members",
                    "{\"email\":\"Bo.Ek@example.com\",\"name\":\"Bo Ek\"}");
            assertThat(byMail.status()).as(byMail.body()).isEqualTo(201);

            JsonNode group = api.get("/api/v1/groups/" + id).json();
            assertThat(group.path("members").findValuesAsText("email"))
                    .containsExactly("anna@example.com", "bo.ek@example.com");
            assertThat(api.get("/api/v1/owners?q=bo.ek").json()).hasSize(1);
            assertThat(api.get("/api/v1/groups").json().get(0).path("name").asText()).isEqualTo("förvaltningen");
            JsonNode audit = api.get("/api/v1/audit?entity=owner_group").json();
            assertThat(audit.findValuesAsText("action")).contains("create", "add-member");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void stale_writes_twice_named_members_and_deleting_a_group_that_owns_items_are_refused(TestDatabases.Kind kind) {
        try (RunningApp running = RunningApp.on(kind, dataDir)) {
            ApiClient api = running.api;
            long id = api.post("/api/v1/groups", "{\"name\":\"beredningarna\"}").json().path("id").asLong();
            String etag = api.get("/api/v1/groups/" + id).header("ETag");
            assertThat(api.patch("/api/v1/groups/" + id, "{\"name\":\"Beredningarna\"}").status()).isEqualTo(200);

            assertThat(running.send("PATCH", "/api/v1/groups/" + id, "{\"name\":\"X\"}", Map.of("If-Match", etag))
                    .status()).isEqualTo(412);
            assertThat(running.send("POST", "/api/v1/groups/" + id + "/members", "{\"email\":\"a@example.com\"}",
                    Map.of("If-Match", etag)).status()).isEqualTo(412);
            assertProblem(api.post("/api/v1/groups", "{\"name\":\"beredningarna\"}"), 409, "name");
            assertProblem(api.post("/api/v1/groups", "{\"name\":\"\"}"), 400, "name");
            assertProblem(api.post("/api/v1/groups/" + id + "/members", "{}"), 400, "member");
            assertProblem(api.post("/api/v1/groups/" + id + "/members", "{\"email\":\"not-an-address\"}"), 400, "email");
            assertProblem(api.post("/api/v1/groups/" + id + "/members", "{\"aadObjectId\":\"" + AAD + "\"}"), 400,
                    "aadObjectId");
            api.post("/api/v1/groups/" + id + "/members", "{\"email\":\"a@example.com\"}");
            assertProblem(api.post("/api/v1/groups/" + id + "/members", "{\"email\":\"A@example.com\"}"), 400, "member");
            assertThat(api.get("/api/v1/groups/999").status()).isEqualTo(404);

            running.importCsv("plan_slug,plan_name,organisation,period_start,period_end,area_group,area,kind,code,"
                    + "title,due,owner_group\np,P,O,2024,2024,G,A,milestone,A1,Owned by a group,2024,Beredningarna\n");
            assertProblem(running.send("DELETE", "/api/v1/groups/" + id, null, Map.of()), 400, "id");
            long owner = api.get("/api/v1/groups/" + id).json().path("members").get(0).path("ownerId").asLong();
            var removed = running.send("DELETE", "/api/v1/groups/" + id + "/members/" + owner, null, Map.of());
            assertThat(removed.status()).as(removed.body()).isEqualTo(200);
            assertThat(removed.json().path("members")).isEmpty();
            assertThat(running.send("DELETE", "/api/v1/groups/" + id + "/members/" + owner, null, Map.of()).status())
                    .isEqualTo(404);
        }
    }
}
