package se.planpuls.api.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The API's JSON: dates as ISO strings out, and request bodies read strictly in: an unknown field
 * is refused, and no value changes its type on the way (no {@code "1"} for a number, no {@code 1} for
 * a string or a boolean, no {@code 1.5} for a whole number), as the API has always refused them.
 */
final class Json {
    static final ObjectMapper MAPPER = strict(new ObjectMapper().findAndRegisterModules()
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false));

    private Json() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.String,
                    CoercionInputShape.EmptyString, CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean}) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString,
                CoercionAction.TryConvert);
        return mapper;
    }
}
