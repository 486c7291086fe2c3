package se.planpuls.api.leadership;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The annual review's PDF: the page's own HTML rendered by openhtmltopdf on PDFBox, so the board
 * files what the browser shows. The font is DejaVu Sans, shipped with the service in its regular and
 * its bold face and embedded (subset) in every file, so å, ä, ö and the status dot render wherever
 * the file is opened and bold text is set in the bold face rather than smeared from the regular;
 * page size, margins and page numbers come from the page's {@code @page} rule.
 */
final class AnnualReviewPdf {
    static final String FAMILY = "Planpuls Sans";
    static final String REGULAR = "fonts/DejaVuSans.ttf";
    static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

    private AnnualReviewPdf() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the annual review as PDF", e);
        }
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static InputStream font(String name) {
        InputStream in = AnnualReviewPdf.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the build is missing the font " + name);
        }
        return in;
    }
}
