package se.planpuls.api.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/**
 * Makes the README's picture of the strategic map: the default plan with an example state, drawn by
 * the service's own PNG renderer. {@code args}: the PNG to write.
 */
public final class MapPicture {
    private MapPicture() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/map.png");
        try (var running = new RunningApp(Files.createTempDirectory("planpuls-map"))) {
            String[][] reports = {
                {"PCA-1", "REACHED"}, {"PCA-2", "IN_PROGRESS"}, {"PCA-3", "REACHED"}, {"HFI-1", "REACHED"},
                {"HFI-2", "IN_PROGRESS"}, {"HFI-6", "NOT_STARTED"}, {"NV-1", "REACHED"}, {"NV-4", "IN_PROGRESS"},
                {"NIV-1", "REACHED"}, {"NIV-3", "IN_PROGRESS"}, {"MED-1", "REACHED"}, {"MED-2", "IN_PROGRESS"},
                {"MED-3", "IN_PROGRESS"}, {"DIG-1", "REACHED"}, {"DIG-2", "IN_PROGRESS"}, {"FYS-2", "NOT_STARTED"}};
            for (String[] r : reports) {
                TestDatabases.execute(running.app().database(), """
                        INSERT INTO status_reports (milestone_id, status, reporter_name, source, reported_at)
                        SELECT id, ?, 'Anna Berg', 'api', CURRENT_TIMESTAMP FROM milestones WHERE code = ?""",
                        r[1], r[0]);
            }
            var png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.api.baseUrl()
                    + "/plans/1/map.png")).header("Authorization", "Bearer " + RunningApp.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (png.statusCode() != 200) {
                throw new IllegalStateException("map.png answered " + png.statusCode());
            }
            Files.write(out, png.body());
        }
    }
}
