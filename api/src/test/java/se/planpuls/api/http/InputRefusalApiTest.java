package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/**
 * Hostile input to the record bodies (read with Javalin's bodyValidator) and to the parameters (read
 * with its param validators): each is refused with a 400 problem naming the field, never a 5xx, and
 * nothing is written.
 */
class InputRefusalApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    record Case(String method, String path, String body, String field, String detail) {
    }

    private static final String OWNER = "/api/v1/owners";
    private static final String CHANNEL = "/api/v1/channels";
    private static final String DEPENDENCY = "/api/v1/milestones/27/dependencies";

    @Test
    void record_bodies_refuse_wrong_types_unknown_fields_and_what_is_no_object_naming_the_field() {
        List<Case> cases = List.of(
                new Case("POST", OWNER, "{\"name\":1,\"email\":\"x@example.com\"}", "name", "name must be a string"),
                new Case("POST", OWNER, "{\"name\":\"X\",\"email\":true}", "email", "email must be a string"),
                new Case("POST", OWNER, "{\"name\":\"X\",\"email\":\"x@example.com\",\"admin\":\"true\"}", "admin",
                        "admin must be true or false"),
                new Case("POST", OWNER, "{\"name\":\"X\",\"email\":\"x@example.com\",\"admin\":1}", "admin",
                        "admin must be true or false"),
                new Case("POST", OWNER, "{\"name\":\"X\",\"email\":\"x@example.com\",\"colour\":1}", "colour",
                        "unknown field 'colour'; allowed: name, email, aadObjectId, admin"),
                new Case("POST", OWNER, "{\"name\":\"\",\"email\":\"x@example.com\"}", "name", "name is required"),
                new Case("POST", OWNER, "{\"email\":\"x@example.com\"}", "name", "name is required"),
                new Case("POST", OWNER, "{\"name\":\"X\"}", "email", "email is required"),
                new Case("POST", OWNER, "null", "body", "the body must be a JSON object"),
                new Case("POST", OWNER, "", "body", "the body must be a JSON object"),
                new Case("POST", OWNER, "[{\"name\":\"X\"}]", "body", "the body must be a JSON object"),
                new Case("POST", OWNER, "\"X\"", "body", "the body must be a JSON object"),
                new Case("POST", OWNER, "{\"name\": oops}", "body", "the body is not valid JSON"),
                new Case("POST", OWNER, "{\"name\":\"X\u0000\",\"email\":\"x@example.com\"}", "body",
                        "the body is not valid JSON"),
                new Case("POST", CHANNEL, "{\"planId\":\"1\",\"teamId\":\"t\",\"channelId\":\"c\"}", "planId",
                        "planId must be a positive integer id"),
                new Case("POST", CHANNEL, "{\"planId\":1.5,\"teamId\":\"t\",\"channelId\":\"c\"}", "planId",
                        "planId must be a positive integer id"),
                new Case("POST", CHANNEL, "{\"planId\":0,\"teamId\":\"t\",\"channelId\":\"c\"}", "planId",
                        "planId must be a positive integer id"),
                new Case("POST", CHANNEL, "{\"planId\":-3,\"teamId\":\"t\",\"channelId\":\"c\"}", "planId",
                        "planId must be a positive integer id"),
                new Case("POST", CHANNEL, "{\"planId\":99999999999999999999,\"teamId\":\"t\",\"channelId\":\"c\"}",
                        "planId", "planId must be a positive integer id"),
                new Case("POST", CHANNEL, "{\"planId\":1,\"teamId\":[\"t\"],\"channelId\":\"c\"}", "teamId",
                        "teamId must be a string"),
                new Case("POST", CHANNEL, "{\"planId\":1,\"teamId\":\"t\",\"channelId\":\"c\",\"schedule\":5}",
                        "schedule", "schedule must be a string"),
                new Case("POST", CHANNEL, "{\"planId\":1,\"teamId\":\"t\"}", "channelId", "channelId is required"),
                new Case("POST", DEPENDENCY, "{\"dependsOnId\":true}", "dependsOnId",
                        "dependsOnId must be a positive integer id"),
                new Case("POST", DEPENDENCY, "{\"dependsOnId\":24,\"source\":{}}", "source", "source must be a string"),
                new Case("POST", DEPENDENCY, "{\"dependsOnId\":24,\"source\":\"" + "s".repeat(201) + "\"}", "source",
                        "source must be at most 200 characters"),
                new Case("POST", DEPENDENCY, "{}", "dependsOnId", "dependsOnId is required"));

        for (Case c : cases) {
            var response = api.send(c.method(), c.path(), c.body(), RunningApp.TOKEN);

            assertThat(response.status()).as(c + " -> " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).as(c.toString()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asText()).as(c.toString())
                    .isEqualTo(c.field());
            assertThat(response.json().path("detail").asText()).as(c.toString()).isEqualTo(c.detail());
        }
        assertThat(api.get(OWNER).json()).isEmpty();
        assertThat(api.get(CHANNEL).json()).isEmpty();
        assertThat(api.get("/api/v1/milestones/27").json().path("dependsOn").toString()).doesNotContain("24");
    }

    @Test
    void a_body_nested_beyond_reason_is_refused_without_a_server_error() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        for (String path : List.of(OWNER, CHANNEL, DEPENDENCY)) {
            var response = api.send("POST", path, "{\"planId\":" + deep + ",\"name\":" + deep + ",\"dependsOnId\":"
                    + deep + "}", RunningApp.TOKEN);

            assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void ids_and_numbers_are_plain_ascii_digits_and_each_refusal_names_the_parameter() {
        List<Case> cases = List.of(
                new Case("GET", "/api/v1/plans/+1", null, "id", "id must be a positive integer id"),
                new Case("GET", "/api/v1/plans/%D9%A1", null, "id", "id must be a positive integer id"),
                new Case("GET", "/api/v1/plans/%201", null, "id", "id must be a positive integer id"),
                new Case("GET", "/api/v1/plans/0", null, "id", "id must be a positive integer id"),
                new Case("GET", "/api/v1/plans/1234567890123456789", null, "id", "id must be a positive integer id"),
                new Case("GET", "/api/v1/milestones?owner=%2B1", null, "owner", "owner must be a positive integer id"),
                new Case("GET", "/api/v1/milestones?plan=1e3", null, "plan", "plan must be a positive integer id"),
                new Case("GET", "/api/v1/milestones?limit=%D9%A1", null, "limit",
                        "limit must be a whole number from 1 to 1000"),
                new Case("GET", "/api/v1/owners?offset=-0", null, "offset",
                        "offset must be a whole number from 0 to 2147483647"),
                new Case("GET", "/api/v1/plans/1/annual-review?year=%D9%A2%D9%A0%D9%A2%D9%A3", null, "year",
                        "year must be a year such as 2023"),
                new Case("GET", "/api/v1/plans/1/annual-review?year=20231", null, "year",
                        "year must be a year such as 2023"),
                new Case("GET", "/api/v1/plans/1/annual-review?year=1999", null, "year",
                        "year must be between 2000 and 2100"),
                new Case("DELETE", "/api/v1/milestones/27/dependencies?dependsOnId=x", null, "dependsOnId",
                        "dependsOnId must be a positive integer id"));

        for (Case c : cases) {
            var response = api.send(c.method(), c.path(), c.body(), RunningApp.TOKEN);

            assertThat(response.status()).as(c + " -> " + response.body()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).as(c.toString())
                    .isEqualTo(c.field());
            assertThat(response.json().path("detail").asText()).as(c.toString()).isEqualTo(c.detail());
        }
        assertThat(api.get("/api/v1/milestones?limit=%205").json()).as("spaces around a number are forgiven").hasSize(5);
    }
}
