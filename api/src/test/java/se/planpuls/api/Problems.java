package se.planpuls.api;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal of the admin API looks like: a problem+json with the status that names the field. */
public final class Problems {
    private Problems() {
    }

    public static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
