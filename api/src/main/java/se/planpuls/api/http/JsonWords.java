package se.planpuls.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Jackson could not read, in a user's words: the field, what it must be and where in the
 * text. Jackson's own messages name Java classes ({@code java.lang.Integer}, a record's binary
 * name) that mean nothing to someone fixing a file.
 */
public final class JsonWords {
    private JsonWords() {
    }

    /** A syntax error or a broken limit: where it is, when Jackson knows. */
    public static String syntax(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return limit(e);
        }
        String where = where(e.getLocation());
        if (e instanceof InputCoercionException) {
            return "a number is out of range" + where;
        }
        return "the body is not valid JSON" + where;
    }

    /** A value of the wrong shape at {@code path} (a JSON path, or empty for the whole body). */
    public static String mapping(JsonMappingException e, String path) {
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return limit(limit);
        }
        String field = path.isEmpty() ? "the body" : path.replaceAll(".*\\.", "");
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + (known == null || known.isEmpty() ? "" : "; allowed: "
                    + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return field + " must be " + expected(mismatch.getTargetType()) + where(e.getLocation());
        }
        return field + " has the wrong type" + where(e.getLocation());
    }

    /** The words for a value Jackson expected to be of {@code type}. */
    static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "of another type";
    }

    private static String limit(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "the JSON is nested too deeply (at most 1000 levels)";
        }
        if (message.contains("Number value length")) {
            return "a number is too long (at most 1000 digits)";
        }
        if (message.contains("String value length")) {
            return "a text is too long";
        }
        return "the JSON is larger than this service reads";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
