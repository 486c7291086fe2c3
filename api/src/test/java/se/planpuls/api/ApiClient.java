package se.planpuls.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/** A real HTTP client against the real server, for tests. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;
    private final String token;

    public ApiClient(int port, String token) {
        this(() -> port, token);
    }

    /** A client whose server is started later: the port is read at each request. */
    public ApiClient(IntSupplier port, String token) {
        this.port = port;
        this.token = token;
    }

    /** {@code http://127.0.0.1:<port>}, for requests this client does not make (bytes, streams). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port.getAsInt();
    }

    public Response get(String path) {
        return send("GET", path, null, token);
    }

    public Response post(String path, String body) {
        return send("POST", path, body, token);
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body, token);
    }

    public Response send(String method, String path, String body, String bearer) {
        return send(method, path, body, bearer, java.util.Map.of());
    }

    /** As {@link #send(String, String, String, String)} with extra headers (a Content-Type here wins). */
    public Response send(String method, String path, String body, String bearer, java.util.Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, String location, HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
