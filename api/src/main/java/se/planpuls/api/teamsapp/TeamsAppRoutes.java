package se.planpuls.api.teamsapp;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;

/** The Teams app package a Teams admin uploads, and the privacy and terms pages it links to. */
public final class TeamsAppRoutes extends RouteGroup {
    /**
     * @param appId     the bot's Microsoft app id, or empty
     * @param publicUrl the address Teams reaches the service at, or null
     */
    public TeamsAppRoutes(String appId, String publicUrl, String publisherName, String publisherUrl,
                          String privacyUrl, String termsUrl) {
        super(routes(new TeamsAppController(new TeamsAppPackage.Settings(appId == null || appId.isBlank() ? null : appId,
                publicUrl, publisherName, publisherUrl, privacyUrl, termsUrl))));
    }

    private static List<Route> routes(TeamsAppController app) {
        return List.of(
                Route.get("/api/v1/teams-app.zip", app::download).doc("teams", "The Teams app package (manifest.json, "
                        + "en.json, color.png, outline.png) for this service, to upload in the Teams admin center; "
                        + "409 while MicrosoftAppId (or an https PLANPULS_PUBLIC_URL) is missing").answers(200, 401, 409),
                Route.get("/privacy", app::privacy).doc("teams", "The privacy statement the Teams app links to")
                        .answers(200),
                Route.get("/terms", app::terms).doc("teams", "The terms of use the Teams app links to").answers(200));
    }
}
