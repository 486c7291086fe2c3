package se.planpuls.api.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/** Owners created, listed and read through the real server. */
class OwnerApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;

    @Test
    void an_owner_is_created_listed_and_read() {
        var created = api.post("/api/v1/owners",
                "{\"name\":\"Alex Wilber\",\"email\":\"AlexW@example.com\",\"aadObjectId\":\"00000000-0000-0000-0000-000000000001\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/owners/" + created.json().path("id").asLong());
        assertThat(created.json().path("email").asText()).isEqualTo("alexw@example.com");
        assertThat(api.get(created.location()).json().path("name").asText()).isEqualTo("Alex Wilber");
        assertThat(api.get("/api/v1/owners").json()).hasSize(1);
        assertThat(api.get("/api/v1/owners/77").status()).isEqualTo(404);
    }

    @Test
    void bad_owners_are_refused_naming_the_field() {
        createOwner("Alex Wilber", "alexw@example.com");

        assertProblem(api.post("/api/v1/owners", "{\"email\":\"x@example.com\"}"), 400, "name");
        assertProblem(api.post("/api/v1/owners", "{\"name\":\"X\",\"email\":\"nope\"}"), 400, "email");
        assertProblem(api.post("/api/v1/owners", "{\"name\":\"X\",\"email\":\"alexw@example.com\"}"), 409, "email");
        assertProblem(api.post("/api/v1/owners", "{\"name\":\"X\",\"email\":\"y@example.com\",\"aadObjectId\":\"zzz\"}"),
                400, "aadObjectId");
        assertProblem(api.post("/api/v1/owners", "{\"name\":\"X\",\"email\":\"y@example.com\",\"admin\":\"yes\"}"),
                400, "admin");
        assertThat(api.get("/api/v1/owners").json()).hasSize(1);
    }

    private JsonNode createOwner(String name, String email) {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }
}
