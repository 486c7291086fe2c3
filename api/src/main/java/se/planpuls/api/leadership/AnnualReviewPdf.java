package se.planpuls.api.leadership;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The annual review's PDF: the page's own HTML rendered by openhtmltopdf on PDFBox, so the board
 * files what the browser shows. The font is Liberation Sans as PDFBox ships it, embedded, so å, ä,
 * ö and the status dot render wherever the file is opened; page size, margins and page numbers come
 * from the page's {@code @page} rule.
 */
final class AnnualReviewPdf {
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private AnnualReviewPdf() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // One face for both weights: bold then reads as the regular face rather than falling
            // back to a standard font without the status dot.
            builder.useFont(AnnualReviewPdf::font, "Planpuls Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(AnnualReviewPdf::font, "Planpuls Sans", 700, FontStyle.NORMAL, true);
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

    private static InputStream font() {
        InputStream in = PDDocument.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("PDFBox no longer ships " + FONT);
        }
        return in;
    }
}
