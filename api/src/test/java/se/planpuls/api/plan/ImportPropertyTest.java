package se.planpuls.api.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/**
 * Malformed plan files fed to the importers through the real server: never a 5xx, and a refused
 * file leaves no trace (no plan, no owner, no audit entry).
 */
class ImportPropertyTest {
    private static final String CSV = RunningApp.resource(PlanImportApiTest.OREBRO);
    private static final String JSON = RunningApp.resource(PlanImportApiTest.SODRA);
    private static Path dataDir;
    private static RunningApp running;

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("planpuls-prop");
        running = new RunningApp(dataDir);
    }

    @AfterContainer
    static void stop() {
        running.close();
    }

    record Mutation(int at, int cut, String insert) {
        String apply(String text) {
            int start = Math.min(at, text.length());
            int end = Math.min(text.length(), start + cut);
            return text.substring(0, start) + insert + text.substring(end);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> junk = Arbitraries.strings().withChars("\",\n\r{}[]:;|\\ aZ09åäö-.\u0000\uFEFF").ofMaxLength(12);
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 6000),
                Arbitraries.integers().between(0, 40), junk).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 150)
    void mutated_csv_never_fails_the_server_and_a_refused_one_imports_nothing(@ForAll("mutations") List<Mutation> mutations) {
        String csv = CSV.replace("orebro-hsn-uppdrag-2024", "prop-csv-" + Integer.toHexString(mutations.hashCode()));
        for (Mutation m : mutations) {
            csv = m.apply(csv);
        }
        String body = csv;
        importAndCheck(() -> running.importCsv(body));
    }

    @Property(tries = 150)
    void mutated_json_never_fails_the_server_and_a_refused_one_imports_nothing(@ForAll("mutations") List<Mutation> mutations) {
        String json = JSON.replace("sodra-verksamhetsplan-2022-2023", "prop-json-" + Integer.toHexString(mutations.hashCode()));
        for (Mutation m : mutations) {
            json = m.apply(json);
        }
        String body = json;
        importAndCheck(() -> running.importJson(body));
    }

    @Property(tries = 100)
    void arbitrary_text_as_csv_or_json_is_refused_cleanly(@ForAll String body) {
        importAndCheck(() -> running.importCsv(body));
        importAndCheck(() -> running.importJson(body));
    }

    private static void importAndCheck(java.util.function.Supplier<ApiClient.Response> importing) {
        long plans = running.api.get("/api/v1/plans").json().size();
        long owners = count("/api/v1/owners");
        long audit = count("/api/v1/audit");

        ApiClient.Response response = importing.get();

        assertThat(response.status()).as(response.body()).isIn(200, 201, 400);
        assertThat(response.contentType()).startsWith(response.status() == 400 ? "application/problem+json"
                : "application/json");
        if (response.status() == 400) {
            assertThat(response.json().path("errors")).isNotEmpty();
            assertThat(running.api.get("/api/v1/plans").json()).hasSize((int) plans);
            assertThat(count("/api/v1/owners")).isEqualTo(owners);
            assertThat(count("/api/v1/audit")).isEqualTo(audit);
        }
    }

    private static long count(String path) {
        return Long.parseLong(running.api.get(path + (path.contains("?") ? "&" : "?") + "limit=1").header("X-Total-Count"));
    }
}
