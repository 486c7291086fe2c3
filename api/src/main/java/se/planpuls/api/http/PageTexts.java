package se.planpuls.api.http;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import se.planpuls.domain.Status;

/** Text of the server-rendered pages, from the {@code pages} bundles; Swedish unless asked otherwise. */
public final class PageTexts {
    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final ResourceBundle bundle;
    private final Locale locale;

    private PageTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("se.planpuls.api.http.pages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static PageTexts swedish() {
        return new PageTexts(SWEDISH);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String status(String prefix, Status status) {
        return get(prefix + (status == null ? "none" : status.name()));
    }

    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
