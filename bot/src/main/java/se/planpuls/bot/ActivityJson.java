package se.planpuls.bot;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.microsoft.bot.schema.Activity;
import java.time.OffsetDateTime;

/**
 * Reads and writes Bot Framework JSON. The SDK declares {@code Activity.timestamp} with the pattern
 * {@code yyyy-MM-dd'T'HH:mm:ss.nXXX}, which rejects Teams' {@code 2022-09-23T09:19:29Z} and reads
 * {@code .123} as 123 nanoseconds (SDK issues #1467, #1502); the mix-in drops the pattern so ISO-8601
 * in any precision is read as such.
 */
final class ActivityJson {
    private ActivityJson() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .addMixIn(Activity.class, TimestampMixIn.class);
    }

    @SuppressWarnings("unused")
    abstract static class TimestampMixIn {
        @JsonProperty("timestamp")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        OffsetDateTime timestamp;

        @JsonProperty("localTimestamp")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        OffsetDateTime localTimestamp;

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract OffsetDateTime getTimestamp();

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract void setTimestamp(OffsetDateTime value);

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract OffsetDateTime getLocalTimestamp();

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract void setLocalTimestamp(OffsetDateTime value);
    }
}
