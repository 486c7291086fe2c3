package se.planpuls.api.leadership;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/**
 * Makes the README's picture of the annual review: the default plan with an example state (a few
 * reports in 2023 and the region's notes), its 2023 review as PDF, and one page of it as PNG.
 * {@code args}: the PDF to write, the PNG to write, the page (1-based).
 */
public final class AnnualReviewPicture {
    private AnnualReviewPicture() {
    }

    public static void main(String[] args) throws Exception {
        Path pdfOut = Path.of(args.length > 0 ? args[0] : "target/arlig-uppfoljning-2023.pdf");
        Path pngOut = Path.of(args.length > 1 ? args[1] : "target/arlig-uppfoljning-2023.png");
        int page = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (var running = new RunningApp(Files.createTempDirectory("planpuls-picture"))) {
            var db = running.app().database();
            String[][] reports = {
                {"PCA-1", "REACHED", "Modellen är beslutad och används i alla förvaltningar", "2023-03-01"},
                {"PCA-2", "IN_PROGRESS", "Samordningsfunktionen bemannas under hösten", "2023-09-01"},
                {"PCA-3", "REACHED", "28 vårdförlopp är integrerade", "2022-12-15"},
                {"HFI-1", "REACHED", "Uppdraget är gemensamt formulerat", "2022-11-01"},
                {"HFI-6", "NOT_STARTED", "Väntar på förstudiens resultat", "2023-10-01"},
                {"NV-1", "REACHED", "Definitionen är fastställd", "2023-02-01"},
                {"NV-4", "IN_PROGRESS", "Ersättningsmodellen remitteras", "2023-11-01"},
                {"NIV-1", "REACHED", "Processen är beslutad", "2022-12-01"},
                {"NIV-3", "IN_PROGRESS", "Styrgrupp tillsatt", "2023-06-01"},
                {"MED-1", "REACHED", "Akademin är igång", "2022-06-01"},
                {"MED-3", "IN_PROGRESS", "Inarbetas i kompetensförsörjningsplanen", "2023-12-01"},
                {"DIG-1", "REACHED", "Servicenivån gäller hela regionen", "2023-05-01"},
                {"FYS-2", "NOT_STARTED", "Inte påbörjad", "2023-09-15"}};
            for (String[] r : reports) {
                long id = running.api.get("/api/v1/milestones?q=" + r[0]).json().get(0).path("id").asLong();
                TestDatabases.execute(db, """
                        INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                        VALUES (?, ?, ?, 'Anna Berg', 'api', CAST(? AS TIMESTAMP WITH TIME ZONE))""",
                        id, r[1], r[2], r[3] + " 08:00:00+00");
            }
            running.api.send("PUT", "/api/v1/plans/1/annual-review/2023/notes", """
                    {"summary": "Arbetet med Framtidens hälsosystem har gått framåt under 2023. Av årets milstolpar är \
                    flera uppnådda, andra pågår; planen reviderades och antogs av hälso- och sjukvårdsnämnden i augusti.",
                     "areas": {"PCA": "Modellen för invånarinvolvering används; stödstrukturen byggs upp.",
                               "MED": "Ledarskapsakademin är på plats; kompetensförsörjningen arbetas in i planen."}}""",
                    RunningApp.TOKEN, Map.of());
            var pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.api.baseUrl()
                    + "/api/v1/plans/1/annual-review?year=2023&format=pdf"))
                    .header("Authorization", "Bearer " + RunningApp.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            Files.write(pdfOut, pdf);
            try (var document = Loader.loadPDF(pdf)) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 80);
                ImageIO.write(image, "png", pngOut.toFile());
            }
        }
    }
}
