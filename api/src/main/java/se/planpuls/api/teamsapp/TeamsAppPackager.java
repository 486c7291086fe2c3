package se.planpuls.api.teamsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the Teams app package for a deployment pipeline, with the same code as
 * {@code GET /api/v1/teams-app.zip}: {@code mvn package -Dplanpuls.appId=<app id>} runs it. The app id
 * comes as an argument; the public URL and the publisher fields from the environment, as the service
 * reads them.
 */
public final class TeamsAppPackager {
    private TeamsAppPackager() {
    }

    /** {@code <app id> <output file>}; without an app id, says why no package is written. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && "--skipped".equals(args[0])) {
            System.out.println("Teams app package: skipped (" + args[1] + ")");
            return;
        }
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TeamsAppPackager <app id> <output file>");
        }
        Map<String, String> env = System.getenv();
        var settings = new TeamsAppPackage.Settings(args[0].strip(), env.get("PLANPULS_PUBLIC_URL"),
                env.get("PLANPULS_PUBLISHER_NAME"), env.get("PLANPULS_PUBLISHER_URL"), env.get("PLANPULS_PRIVACY_URL"),
                env.get("PLANPULS_TERMS_URL"));
        if (!args[0].strip().matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("planpuls.appId must be the bot's app id (a GUID), not '" + args[0] + "'");
        }
        if (!settings.missing().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", settings.missing()));
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, TeamsAppPackage.zip(settings));
        System.out.println("Teams app package for app " + args[0].strip() + " (version " + TeamsAppPackage.version()
                + ") written to " + out);
    }
}
