package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planpuls.api.Problems.assertProblem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;

/**
 * What a client can send around the routes: bodies over the limit however they are framed, bytes
 * Jetty refuses before a route sees them, JSON past Jackson's limits. Each is a problem+json that
 * names what was wrong, and nothing is written.
 */
class HostileFramingApiTest {
    @RegisterExtension
    final RunningApp running = new RunningApp();
    private final ApiClient api = running.api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_chunked_import_over_one_mebibyte_is_413_problem_and_imports_nothing() throws Exception {
        byte[] body = (RunningApp.resource("/plans/orebro-uppdrag-2024.csv") + "x".repeat(2 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/plans/import"))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).header("Content-Type", "text/csv")
                // An input stream of unknown length goes out as Transfer-Encoding: chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.body()).path("errors").get(0).path("field").asText())
                .isEqualTo("body");
        assertThat(api.get("/api/v1/plans").json()).hasSize(1);
    }

    @Test
    void a_small_chunked_body_is_read_as_usual() throws Exception {
        byte[] body = "{\"name\":\"Chunk Berg\",\"email\":\"chunk@example.com\"}".getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/owners"))
                .header("Authorization", "Bearer " + RunningApp.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void a_body_over_one_mebibyte_with_its_length_given_is_a_413_problem_naming_the_body() {
        var response = api.post("/api/v1/owners", "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}");

        assertProblem(response, 413, "body");
        assertThat(response.json().path("detail").asText()).contains("1 MiB");
    }

    @Test
    void a_nul_in_the_path_is_a_400_problem_not_jettys_page() throws IOException {
        String answer = raw("GET /api/v1/plans/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + RunningApp.TOKEN + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).doesNotContain("<html").contains("\"field\":\"request\"");
    }

    @Test
    void a_query_of_forty_thousand_characters_reaches_the_route_and_is_refused_in_its_words() {
        var response = api.get("/api/v1/milestones?q=" + "x".repeat(40_000));

        assertProblem(response, 400, "q");
        assertThat(response.json().path("detail").asText()).contains("at most 200 characters");
    }

    @Test
    void a_request_line_or_headers_past_sixty_four_kibibytes_are_refused_in_words_that_say_so() {
        // Jetty answers these itself before any route; sent for real, the answer races the client's
        // unsent bytes (a reset may come first), so the handler's answer is read directly.
        var handler = new ProblemErrorHandler();
        String uri = StandardCharsets.UTF_8.decode(handler.badMessageError(414, null,
                org.eclipse.jetty.http.HttpFields.build())).toString();
        String headers = StandardCharsets.UTF_8.decode(handler.badMessageError(431, null,
                org.eclipse.jetty.http.HttpFields.build())).toString();

        assertThat(uri).contains("request line is longer than 64 KiB").doesNotContain("malformed");
        assertThat(headers).contains("headers are larger than 64 KiB").doesNotContain("malformed");
    }

    @Test
    void json_nested_past_the_limit_is_refused_as_a_problem_naming_the_body() {
        String deep = "{\"a\":".repeat(1001) + "1" + "}".repeat(1001);

        var response = running.importJson(deep);

        assertProblem(response, 400, "body");
        assertThat(response.json().path("detail").asText()).contains("nested too deeply");
        assertProblem(api.post("/api/v1/owners", deep), 400, "body");
        assertThat(api.get("/api/v1/plans").json()).hasSize(1);
    }

    @Test
    void a_number_of_a_thousand_and_one_digits_is_refused_as_a_problem_naming_the_body() {
        String plan = "{\"slug\":\"x\",\"periodStart\":" + "9".repeat(1001) + "}";

        var response = running.importJson(plan);

        assertProblem(response, 400, "body");
        assertThat(response.json().path("detail").asText()).contains("number is too long");
    }

    @Test
    void a_wrongly_typed_plan_field_is_explained_without_java_class_names() {
        String plan = "{\"slug\":\"x\",\"periodStart\":\"soon\",\"groups\":[{\"name\":\"G\",\"areas\":[{\"code\":\"A\","
                + "\"milestones\":[{\"code\":\"A-1\",\"dueYear\":[1]}]}]}]}";

        var response = running.importJson(plan);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("java.", "se.planpuls", "$", "Exception");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("periodStart");
        assertThat(response.json().path("errors").get(0).path("message").asText())
                .startsWith("periodStart must be a whole number");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", running.app().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
