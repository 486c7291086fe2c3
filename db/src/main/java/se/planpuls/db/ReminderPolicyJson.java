package se.planpuls.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.calendar.QuietPeriod;
import se.planpuls.domain.reminder.ReminderPolicy;

/**
 * The policy's JSON form, the same in the API and in the database. Reading is strict: an unknown
 * field, a wrong type or a bad value is named in an {@link InvalidInputException}. A field left out
 * keeps the value of the policy it changes.
 */
public final class ReminderPolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("deadlineDays", "overdue", "reviewDate", "reviewDays",
            "checkInMonths", "checkInSkipDays", "followUpAfter", "missingAfter", "quietPeriod", "staleAfterDays");
    private static final Set<String> QUIET_FIELDS = Set.of("month", "weekday", "weeks");

    private ReminderPolicyJson() {
    }

    public static ObjectNode write(ReminderPolicy policy) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode deadline = node.putArray("deadlineDays");
        policy.deadlineDays().forEach(deadline::add);
        node.put("overdue", policy.overdue());
        node.put("reviewDate", policy.reviewDate() == null ? null
                : String.format(Locale.ROOT, "%02d-%02d", policy.reviewDate().getMonthValue(),
                        policy.reviewDate().getDayOfMonth()));
        ArrayNode review = node.putArray("reviewDays");
        policy.reviewDays().forEach(review::add);
        node.put("checkInMonths", policy.checkInMonths());
        node.put("checkInSkipDays", policy.checkInSkipDays());
        node.put("followUpAfter", policy.followUpAfter());
        node.put("missingAfter", policy.missingAfter());
        node.put("staleAfterDays", policy.staleAfterDays());
        QuietPeriod quiet = policy.quietPeriod();
        if (quiet == null) {
            node.putNull("quietPeriod");
        } else {
            node.putObject("quietPeriod").put("month", quiet.month().getValue())
                    .put("weekday", quiet.weekday().name()).put("weeks", quiet.weeks());
        }
        return node;
    }

    public static String toJson(ReminderPolicy policy) {
        return write(policy).toString();
    }

    public static ReminderPolicy fromJson(String json) {
        try {
            return read(JSON.readTree(json), ReminderPolicy.DEFAULT);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored reminder policy is not JSON", e);
        }
    }

    /** {@code base} changed by the fields {@code node} holds. */
    public static ReminderPolicy read(JsonNode node, ReminderPolicy base) {
        if (node == null || !node.isObject()) {
            throw invalid("body", "the body must be a JSON object");
        }
        checkFields(node, FIELDS, "");
        return new ReminderPolicy(
                node.has("deadlineDays") ? ints(node, "deadlineDays") : base.deadlineDays(),
                node.has("overdue") ? bool(node, "overdue") : base.overdue(),
                node.has("reviewDate") ? monthDay(node.get("reviewDate")) : base.reviewDate(),
                node.has("reviewDays") ? ints(node, "reviewDays") : base.reviewDays(),
                node.has("checkInMonths") ? integer(node, "checkInMonths") : base.checkInMonths(),
                node.has("checkInSkipDays") ? integer(node, "checkInSkipDays") : base.checkInSkipDays(),
                node.has("followUpAfter") ? integer(node, "followUpAfter") : base.followUpAfter(),
                node.has("missingAfter") ? integer(node, "missingAfter") : base.missingAfter(),
                node.has("quietPeriod") ? quiet(node.get("quietPeriod")) : base.quietPeriod(),
                node.has("staleAfterDays") ? integer(node, "staleAfterDays") : base.staleAfterDays());
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(prefix + name, "unknown field '" + prefix + name + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static List<Integer> ints(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw invalid(field, field + " must be a list of numbers of working days");
        }
        List<Integer> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw invalid(field, field + " must be a list of numbers of working days");
            }
            list.add(item.asInt());
        }
        return list;
    }

    private static boolean bool(JsonNode node, String field) {
        if (!node.get(field).isBoolean()) {
            throw invalid(field, field + " must be true or false");
        }
        return node.get(field).asBoolean();
    }

    private static int integer(JsonNode node, String field) {
        return integer(node, field, field);
    }

    private static int integer(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(name, name + " must be a whole number");
        }
        return value.asInt();
    }

    private static MonthDay monthDay(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : "";
        if (!text.matches("\\d{2}-\\d{2}")) {
            throw invalid("reviewDate", "reviewDate must be MM-DD (such as 01-31) or null for January's last working day");
        }
        try {
            return MonthDay.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
        } catch (DateTimeException e) {
            throw invalid("reviewDate", "reviewDate must be a day of the year as MM-DD");
        }
    }

    private static QuietPeriod quiet(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid("quietPeriod", "quietPeriod must be null or {\"month\":7,\"weekday\":\"MONDAY\",\"weeks\":4}");
        }
        checkFields(value, QUIET_FIELDS, "quietPeriod.");
        int month = value.has("month") ? integer(value, "month", "quietPeriod.month") : QuietPeriod.SUMMER.month().getValue();
        if (month < 1 || month > 12) {
            throw invalid("quietPeriod.month", "quietPeriod.month must be from 1 to 12");
        }
        DayOfWeek weekday = QuietPeriod.SUMMER.weekday();
        if (value.has("weekday")) {
            try {
                weekday = DayOfWeek.valueOf(value.get("weekday").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("quietPeriod.weekday", "quietPeriod.weekday must be a day such as MONDAY");
            }
        }
        int weeks = value.has("weeks") ? integer(value, "weeks", "quietPeriod.weeks") : QuietPeriod.SUMMER.weeks();
        if (weeks < 1 || weeks > 12) {
            throw invalid("quietPeriod.weeks", "quietPeriod.weeks must be from 1 to 12");
        }
        return new QuietPeriod(Month.of(month), weekday, weeks);
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(field, field + ".invalid", message);
    }
}
