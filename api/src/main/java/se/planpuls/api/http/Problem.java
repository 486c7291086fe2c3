package se.planpuls.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details body, with field-level errors where input was wrong. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    static final String CONTENT_TYPE = "application/problem+json";

    record FieldError(String field, String message) {
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("https://planpuls.se/problems/" + slug, title, status, detail, List.of());
    }

    static Problem field(int status, String slug, String title, String field, String detail) {
        return new Problem("https://planpuls.se/problems/" + slug, title, status, detail,
                List.of(new FieldError(field, detail)));
    }
}
