package se.planpuls.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty answers some requests before Javalin sees them (a {@code %00} in a path, a malformed header,
 * an error outside a route) with its own HTML page. This gives those the service's problem+json
 * shape too, without echoing what was sent.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problem.CONTENT_TYPE);
        response.setCharacterEncoding("utf-8");
        response.getOutputStream().write(body(code));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int code) {
        String title = HttpStatus.getMessage(code);
        Problem problem = code == 413
                ? ErrorMapper.tooLarge()
                : code == 414
                ? Problem.field(code, "bad-request", title, "request",
                        "the request line is longer than " + RouteTable.MAX_HEADER_BYTES / 1024 + " KiB")
                : code == 431
                ? Problem.field(code, "bad-request", title, "request",
                        "the request line and headers are larger than " + RouteTable.MAX_HEADER_BYTES / 1024 + " KiB")
                : code >= 400 && code < 500
                ? Problem.field(code, "bad-request", title, "request",
                        "the request line or a header is malformed (such as a %00 in the path)")
                : Problem.of(code, "internal", title, "something went wrong; it has been logged");
        try {
            return Json.MAPPER.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a problem", e);
        }
    }
}
