package se.planpuls.bot;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.Status;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Everything a user reads, in their language: Swedish by default, English when the Teams client
 * says so. Backed by the {@code messages} resource bundles.
 */
final class Texts {
    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    static final Locale ENGLISH = Locale.forLanguageTag("en-GB");

    private static final String[] SV_MONTHS = {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
        "nov", "dec"};

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dateFormat;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("se.planpuls.bot.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dateFormat = dateFormat(locale);
    }

    static Texts swedish() {
        return new Texts(SWEDISH);
    }

    static Texts english() {
        return new Texts(ENGLISH);
    }

    /** Swedish unless the Teams client's locale is English. */
    static Texts forLocale(String teamsLocale) {
        return teamsLocale != null && teamsLocale.toLowerCase(Locale.ROOT).startsWith("en") ? english() : swedish();
    }

    /** The owner's chosen language if any, else the client's. */
    static Texts forOwner(java.util.Optional<se.planpuls.domain.Owner> owner, String teamsLocale) {
        String chosen = owner.map(se.planpuls.domain.Owner::locale).orElse(null);
        return chosen != null ? forLocale(chosen) : forLocale(teamsLocale);
    }

    Locale locale() {
        return locale;
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    String status(Status status) {
        return get(status == null ? "status.none" : "status." + status.name());
    }

    String date(LocalDate date) {
        return dateFormat.format(date);
    }

    String dateTime(java.time.Instant instant) {
        ZonedDateTime local = instant.atZone(WorkingCalendar.ZONE);
        return date(local.toLocalDate()) + " " + DateTimeFormatter.ofPattern("HH:mm").format(local);
    }

    /** When a milestone is due: its date when set, else its year; marked when uncertain. */
    String due(Milestone milestone) {
        if (milestone.shape().ongoing()) {
            return get("due.ongoing");
        }
        String value = milestone.dueDate() != null ? date(milestone.dueDate()) : String.valueOf(milestone.dueYear());
        return milestone.dateUncertain() ? get("due.uncertain", value) : value;
    }

    /** A count-based frequency in words: "minst 4 gånger per år", "1–2 gånger per år". */
    String timesPerYear(se.planpuls.domain.TimesPerYear times) {
        return times.max() == null ? get("times.atLeast", times.min())
                : get("times.range", times.min(), times.max());
    }

    private static DateTimeFormatter dateFormat(Locale locale) {
        if (!"sv".equals(locale.getLanguage())) {
            return DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        }
        // The JDK's Swedish abbreviations end with a full stop ("nov."); Swedish style is "22 nov 2026".
        Map<Long, String> months = new HashMap<>();
        for (int i = 0; i < SV_MONTHS.length; i++) {
            months.put((long) i + 1, SV_MONTHS[i]);
        }
        return new DateTimeFormatterBuilder()
                .appendValue(ChronoField.DAY_OF_MONTH)
                .appendLiteral(' ')
                .appendText(ChronoField.MONTH_OF_YEAR, months)
                .appendLiteral(' ')
                .appendValue(ChronoField.YEAR, 4)
                .toFormatter(locale);
    }
}
