package se.planpuls.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/** A request's JSON object, read strictly: unknown fields and wrong types are named in the error. */
final class JsonBody {
    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    static JsonBody parse(ObjectMapper mapper, String body, Set<String> allowed) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (Exception e) {
            throw new BadRequest("body", "the body is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new BadRequest("body", "the body must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadRequest(name, "unknown field '" + name + "'; allowed: " + String.join(", ", allowed));
            }
        }
        return new JsonBody(object);
    }

    boolean has(String field) {
        return node.has(field);
    }

    boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequest(field, field + " must be a string");
        }
        return value.asText();
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null || value.isBlank()) {
            throw new BadRequest(field, field + " is required");
        }
        return value;
    }

    Long positiveLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw new BadRequest(field, field + " must be a positive integer id");
        }
        return value.asLong();
    }

    Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadRequest(field, field + " must be a whole number");
        }
        return value.asInt();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new BadRequest(field, field + " must be true or false");
        }
        return value.asBoolean();
    }

    LocalDate date(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, field + " must be a date as YYYY-MM-DD");
        }
    }
}
