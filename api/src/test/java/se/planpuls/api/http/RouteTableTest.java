package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** The one route table: the server answers every route in it, and /openapi.json describes exactly those. */
class RouteTableTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void every_route_in_the_table_answers_something_other_than_route_not_found() {
        assertThat(routeNotFound(api.send("GET", "/api/v1/no-such-route", null, RunningApp.TOKEN)))
                .as("the check can tell a missing route").isTrue();
        assertThat(running.app().routes()).hasSizeGreaterThan(30);

        for (Route route : running.app().routes()) {
            // Ids that name nothing, so that no route changes anything while it is tried.
            String path = route.path().replace("{name}", "no-such-job").replaceAll("\\{[A-Za-z]+}", "999999");
            var response = api.send(route.method().name(), path, route.body() == null ? null : "{}", RunningApp.TOKEN);

            assertThat(routeNotFound(response)).as(route.method() + " " + route.path() + " answered " + response.status()
                    + " " + response.body()).isFalse();
        }
    }

    @Test
    void the_openapi_document_lists_exactly_the_tables_routes_and_swagger_ui_loads() {
        var doc = api.send("GET", "/openapi.json", null, null);

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method + " " + p.getKey())));
        Set<String> table = new TreeSet<>();
        running.app().routes().forEach(r -> table.add(r.method().name().toLowerCase(java.util.Locale.ROOT) + " " + r.path()));
        assertThat(table).as("each route declared once").hasSize(running.app().routes().size());
        assertThat(documented).isEqualTo(table);
        JsonNode schemas = doc.json().path("components").path("schemas");
        doc.json().findValues("$ref").forEach(ref -> assertThat(schemas.has(ref.asText()
                .replace("#/components/schemas/", ""))).as(ref.asText()).isTrue());
        var swagger = api.send("GET", "/swagger", null, null);
        assertThat(swagger.body()).contains("swagger-ui-bundle.js");
        String script = swagger.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(api.send("GET", script, null, null).status()).isEqualTo(200);
    }

    @Test
    void request_bodies_are_described_by_their_fields_and_answers_by_what_is_really_returned() {
        JsonNode doc = api.send("GET", "/openapi.json", null, null).json();
        JsonNode paths = doc.path("paths");

        assertThat(bodyFields(paths, "/api/v1/milestones", "post")).contains("planId", "areaCode", "code", "kind",
                "title", "dueYear", "dueDate", "frequency", "startsOn", "ownerId", "reason");
        assertThat(bodyFields(paths, "/api/v1/milestones/{id}", "patch")).contains("dueDate", "ownerId", "reason")
                .doesNotContain("planId");
        assertThat(bodyFields(paths, "/api/v1/channels", "post"))
                .containsExactlyInAnyOrder("planId", "teamId", "channelId", "schedule", "language");
        assertThat(bodyFields(paths, "/api/v1/milestones/{id}/dependencies", "post"))
                .containsExactlyInAnyOrder("dependsOnId", "source", "basis");
        assertThat(bodyFields(paths, "/api/v1/plans/{id}/annual-review/{year}/notes", "put"))
                .containsExactlyInAnyOrder("summary", "areas");
        assertThat(bodyFields(paths, "/api/v1/plans/{id}/revisions", "put")).containsExactly("revisions");
        Set<String> policy = new TreeSet<>();
        api.get("/api/v1/plans/1/reminder-policy").json().fieldNames().forEachRemaining(policy::add);
        assertThat(bodyFields(paths, "/api/v1/plans/{id}/reminder-policy", "put")).isEqualTo(policy);
        assertThat(paths.path("/api/v1/owners").path("get").path("parameters").findValuesAsText("name"))
                .contains("reachable", "q", "admin", "limit", "offset");

        long owner = api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\"}").json()
                .path("id").asLong();
        Set<String> returned = new TreeSet<>();
        api.get("/api/v1/owners/" + owner).json().fieldNames().forEachRemaining(returned::add);
        Set<String> described = new TreeSet<>();
        doc.path("components").path("schemas").path("OwnerJson").path("properties").fieldNames()
                .forEachRemaining(described::add);
        assertThat(returned).isEqualTo(described);
    }

    private static Set<String> bodyFields(JsonNode paths, String path, String method) {
        Set<String> fields = new TreeSet<>();
        paths.path(path).path(method).path("requestBody").path("content").path("application/json").path("schema")
                .path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** Javalin found no route: the server's own 404, which names the path rather than a missing entity. */
    private static boolean routeNotFound(ApiClient.Response response) {
        return response.status() == 404 && response.json().path("detail").asText().startsWith("no resource at");
    }
}
