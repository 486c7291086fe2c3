package se.planpuls.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * When a channel gets its weekly digest: a weekday and a time on the hour or half hour, Europe/Stockholm,
 * written {@code MON 08:00}.
 */
public record DigestSchedule(DayOfWeek day, LocalTime time) {
    public static final DigestSchedule DEFAULT = new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(8, 0));
    private static final Pattern FORMAT = Pattern.compile("(MON|TUE|WED|THU|FRI|SAT|SUN) ([01]\\d|2[0-3]):(00|30)");

    /** Reads {@code MON 08:00} (any case); a bad value is an {@link InvalidInputException} naming {@code schedule}. */
    public static DigestSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("schedule", "schedule.invalid",
                    "schedule must be a weekday and a time on the hour or half hour, such as \"MON 08:00\" "
                            + "(Europe/Stockholm)");
        }
        DayOfWeek day = switch (m.group(1)) {
            case "MON" -> DayOfWeek.MONDAY;
            case "TUE" -> DayOfWeek.TUESDAY;
            case "WED" -> DayOfWeek.WEDNESDAY;
            case "THU" -> DayOfWeek.THURSDAY;
            case "FRI" -> DayOfWeek.FRIDAY;
            case "SAT" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        return new DigestSchedule(day, LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** The latest moment of this schedule at or before {@code now}. */
    public ZonedDateTime latestAtOrBefore(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(WorkingCalendar.ZONE);
        ZonedDateTime candidate = local.with(TemporalAdjusters.previousOrSame(day)).with(time)
                .withSecond(0).withNano(0);
        return candidate.isAfter(local) ? candidate.minusWeeks(1) : candidate;
    }

    @Override
    public String toString() {
        return day.name().substring(0, 3) + " " + time;
    }
}
