package se.planpuls.api.teamsapp;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.ResourceBundle;
import se.planpuls.api.http.Conflict;
import se.planpuls.api.http.PageTexts;

/**
 * {@code GET /api/v1/teams-app.zip}: the app package for the running configuration, refused with a
 * 409 problem while it could not be installed; and the privacy statement and terms of use the
 * package links to by default.
 */
final class TeamsAppController {
    private final TeamsAppPackage.Settings settings;

    TeamsAppController(TeamsAppPackage.Settings settings) {
        this.settings = settings;
    }

    void download(Context ctx) {
        var missing = settings.missing();
        if (!missing.isEmpty()) {
            throw new Conflict("teams-app-not-configured", "The Teams app package cannot be built", missing.get(0));
        }
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"planpuls-teams-app.zip\"")
                .result(TeamsAppPackage.zip(settings));
    }

    void privacy(Context ctx) {
        ctx.html(page("privacy"));
    }

    void terms(Context ctx) {
        ctx.html(page("terms"));
    }

    /** Swedish first, then English, on one page: Teams shows the link to everyone. */
    private String page(String name) {
        String publisher = settings.publisherName() != null ? settings.publisherName() : TeamsAppPackage.DEFAULT_PUBLISHER;
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>");
        ResourceBundle sv = TeamsAppPackage.bundle(Locale.forLanguageTag("sv"));
        ResourceBundle en = TeamsAppPackage.bundle(Locale.ENGLISH);
        html.append(PageTexts.html(sv.getString(name + ".title"))).append("</title><style>body{font-family:system-ui,"
                + "sans-serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5}</style></head><body>");
        section(html, sv, name, publisher, "sv");
        section(html, en, name, publisher, "en");
        return html.append("</body></html>").toString();
    }

    private static void section(StringBuilder html, ResourceBundle texts, String name, String publisher, String lang) {
        html.append("<section lang=\"").append(lang).append("\"><h1>")
                .append(PageTexts.html(texts.getString(name + ".title"))).append("</h1>");
        for (String paragraph : texts.getString(name + ".body").replace("{0}", publisher).split("\n\n")) {
            html.append("<p>").append(PageTexts.html(paragraph)).append("</p>");
        }
        html.append("</section>");
    }
}
