package se.planpuls.api.http;

import io.javalin.config.ValidationConfig;
import io.javalin.http.Context;
import io.javalin.validation.ValidationError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kotlin.jvm.functions.Function1;

/**
 * Path and query parameters, read with Javalin's validators ({@code pathParamAsClass},
 * {@code queryParamAsClass}). A refusal is a {@link BadRequest} naming the parameter, in the same
 * words whether the value could not be converted or broke a rule.
 */
public final class Params {
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    private Params() {
    }

    /**
     * Numbers are plain ASCII digits: no sign and no other script's digits, which
     * {@code Long.parseLong} would take. Ids are read exactly; whole numbers such as {@code limit}
     * and {@code year} forgive spaces around them.
     */
    static void register(ValidationConfig validation) {
        validation.register(Long.class, (Function1<String, Object>) raw -> {
            if (!ID.matcher(raw).matches()) {
                throw new NumberFormatException("not an id");
            }
            return Long.valueOf(raw);
        });
        validation.register(Integer.class, (Function1<String, Object>) raw -> {
            if (!WHOLE.matcher(raw.strip()).matches()) {
                throw new NumberFormatException("not a whole number");
            }
            return Integer.valueOf(raw.strip());
        });
    }

    /** A positive id in the path. */
    public static long id(Context ctx, String name) {
        String text = idText(name);
        return ctx.pathParamAsClass(name, Long.class).check(id -> id > 0, text).getOrThrow(refusal(name, text));
    }

    /** A positive id in the query string, or null when it is absent or blank. */
    public static Long optionalId(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = idText(name);
        return ctx.queryParamAsClass(name, Long.class).check(id -> id > 0, text).getOrThrow(refusal(name, text));
    }

    /**
     * Turns a validator's errors into one {@link BadRequest} for {@code name}: the first broken
     * rule's words, or {@code unreadable} when the value could not even be converted.
     */
    public static Function1<Map<String, ? extends List<? extends ValidationError<?>>>, Exception> refusal(
            String name, String unreadable) {
        return errors -> {
            String message = errors.values().stream().flatMap(List::stream).map(ValidationError::getMessage)
                    .filter(m -> !isJavalinCode(m)).findFirst().orElse(unreadable);
            return new BadRequest(name, message);
        };
    }

    /** Javalin's own error codes, which say what failed but not in words a client can act on. */
    static boolean isJavalinCode(String message) {
        return message.equals("TYPE_CONVERSION_FAILED") || message.equals("NULLCHECK_FAILED")
                || message.equals("DESERIALIZATION_FAILED");
    }

    private static String idText(String name) {
        return name + " must be a positive integer id";
    }
}
