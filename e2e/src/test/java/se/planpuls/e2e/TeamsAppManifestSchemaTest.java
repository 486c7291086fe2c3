package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planpuls.api.app.Config;
import se.planpuls.api.app.PlanpulsApp;
import se.planpuls.bot.BotSettings;

/**
 * The Teams app package the service hands out, checked offline against Microsoft's own JSON schemas
 * for the manifest and its localization file, as the npm package {@code @microsoft/app-manifest}
 * ships them (installed by this module's {@code npm ci}).
 */
class TeamsAppManifestSchemaTest {
    static final String TOKEN = "e2e-admin-token-0123456789";
    static final String APP_ID = "6f1c4a2b-8d3e-4f5a-9b6c-7d8e9f0a1b2c";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private PlanpulsApp app;

    @BeforeEach
    void start() throws Exception {
        String keys;
        try (var socket = new ServerSocket(0)) {
            keys = "http://127.0.0.1:" + socket.getLocalPort() + "/openid";
        }
        var config = new Config(0, dataDir, "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", TOKEN,
                new BotSettings(APP_ID, "secret", "", keys), "https://planpuls.region.se", List.of(), List.of(),
                Config.Deployment.DEFAULT);
        app = PlanpulsApp.create(config, Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_manifest_and_its_english_localization_are_valid_by_microsoft_s_schemas() throws Exception {
        Map<String, byte[]> files = download();
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        JsonNode english = JSON.readTree(files.get("en.json"));
        String version = manifest.path("manifestVersion").asText();

        assertThat(errors(schema(version, "MicrosoftTeams.schema.json"), manifest)).isEmpty();
        assertThat(errors(schema(version, "MicrosoftTeams.Localization.schema.json"), english)).isEmpty();
        // Draft 4 has no "const": the version the schema pins is checked here.
        assertThat(Files.readString(schemaDirectory(version).resolve("MicrosoftTeams.schema.json")))
                .contains("\"const\": \"" + version + "\"");
        assertThat(manifest.path("$schema").asText()).endsWith("/v" + version + "/MicrosoftTeams.schema.json");
        assertThat(Double.parseDouble(version)).as("a current schema").isGreaterThanOrEqualTo(1.17);
        assertThat(manifest.path("localizationInfo").path("additionalLanguages").get(0).path("file").asText())
                .isEqualTo("en.json");
    }

    @Test
    void the_schema_check_does_refuse_a_broken_manifest() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(download().get("manifest.json"));
        String version = manifest.path("manifestVersion").asText();
        ((ObjectNode) manifest.path("description")).put("short", "x".repeat(81));
        manifest.remove("developer");
        manifest.put("id", "not-a-guid");

        assertThat(errors(schema(version, "MicrosoftTeams.schema.json"), manifest)).hasSizeGreaterThanOrEqualTo(3);
    }

    private Map<String, byte[]> download() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/teams-app.zip"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private static Schema schema(String version, String file) throws Exception {
        try (InputStream in = Files.newInputStream(schemaDirectory(version).resolve(file))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    private static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Object::toString).toList();
    }

    /** Where {@code npm ci} put Microsoft's schemas for this manifest version. */
    private static Path schemaDirectory(String version) {
        for (Path root : List.of(Path.of("node_modules"), Path.of("e2e", "node_modules"))) {
            Path dir = root.resolve("@microsoft/app-manifest/build/json-schemas/teams/v" + version);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Microsoft's Teams schemas v" + version + " are not installed: run npm ci in e2e/");
    }
}
