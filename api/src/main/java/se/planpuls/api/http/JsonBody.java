package se.planpuls.api.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A request's JSON object, read field by field where a record cannot say enough: a {@code PATCH}
 * tells a field left out from a field set to {@code null}. Unknown fields and wrong types are named
 * in the error, in the same words as a record body read with Javalin's {@code bodyValidator}.
 */
public final class JsonBody {
    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** The body as a JSON object whose fields are among {@code shape}'s. */
    public static JsonBody parse(Context ctx, Route.Body shape) {
        ObjectNode object = object(ctx);
        List<String> allowed = shape.fields();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw unknown(name, allowed);
            }
        }
        return new JsonBody(object);
    }

    public static JsonBody parse(Context ctx, Class<? extends Record> shape) {
        return parse(ctx, Route.Body.of(shape));
    }

    /** The body as a JSON object, for a reader that checks its fields itself. */
    public static ObjectNode object(Context ctx) {
        String body = ctx.body();
        JsonNode tree;
        try {
            tree = body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new BadRequest("body", JsonWords.syntax(e));
        } catch (Exception e) {
            throw new BadRequest("body", "the body is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw notAnObject();
        }
        return object;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, String.class);
        }
        return value.asText();
    }

    public String requiredString(String field) {
        String value = string(field);
        if (value == null || value.isBlank()) {
            throw new BadRequest(field, field + " is required");
        }
        return value;
    }

    public Long positiveLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw wrongType(field, Long.class);
        }
        return value.asLong();
    }

    public Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, Integer.class);
        }
        return value.asInt();
    }

    /** A nested object whose fields are among {@code shape}'s, or null when the field is absent or null. */
    public JsonBody object(String field, Route.Body shape) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw new BadRequest(field, field + " must be an object");
        }
        List<String> allowed = shape.fields();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadRequest(field + "." + name, "unknown field '" + field + "." + name + "'; allowed: "
                        + String.join(", ", allowed));
            }
        }
        return new JsonBody(object);
    }

    /** A number (whole or decimal), or null; a string, or a decimal too large to read ({@code 1e400}), is refused. */
    public java.math.BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            throw new BadRequest(field, field + " must be a number");
        }
        return value.decimalValue();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, Boolean.class);
        }
        return value.asBoolean();
    }

    public LocalDate date(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw wrongType(field, LocalDate.class);
        }
    }

    /** True for a string with something in it: what a required text field needs. */
    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * What was wrong with a body that Jackson could not read into a record: the field and what it
     * must be, said as {@link JsonBody} says it.
     */
    static BadRequest refusal(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof StreamConstraintsException limit) {
            return new BadRequest("body", JsonWords.syntax(limit));
        }
        if (root instanceof JsonParseException) {
            return new BadRequest("body", "the body is not valid JSON");
        }
        if (error instanceof UnrecognizedPropertyException unknown && unknown.getReferringClass().isRecord()) {
            return unknown(unknown.getPropertyName(), Arrays.stream(unknown.getReferringClass().getRecordComponents())
                    .map(c -> c.getName()).toList());
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            Class<?> type = error instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                    : root instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
            return wrongType(mapping.getPath().get(0).getFieldName(), type);
        }
        return notAnObject();
    }

    static BadRequest notAnObject() {
        return new BadRequest("body", "the body must be a JSON object");
    }

    private static BadRequest unknown(String field, List<String> allowed) {
        return new BadRequest(field, "unknown field '" + field + "'; allowed: " + String.join(", ", allowed));
    }

    /** The API's words for a value of the wrong type: ids are positive, numbers whole, dates ISO. */
    private static BadRequest wrongType(String field, Class<?> type) {
        String must;
        if (type == Long.class || type == long.class) {
            must = "must be a positive integer id";
        } else if (type == Integer.class || type == int.class) {
            must = "must be a whole number";
        } else if (type == Boolean.class || type == boolean.class) {
            must = "must be true or false";
        } else if (type == LocalDate.class) {
            must = "must be a date as YYYY-MM-DD";
        } else if (type == String.class) {
            must = "must be a string";
        } else {
            must = "has the wrong type";
        }
        return new BadRequest(field, field + " " + must);
    }
}
