package se.planpuls.api.teamsapp;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The app's icons, drawn here rather than fetched: a pulse line (the plan's heartbeat) ending in a
 * milestone dot. Teams wants a 192×192 full-colour icon and a 32×32 outline, white on transparent.
 */
final class AppIcons {
    static final Color ACCENT = new Color(0x1F, 0x6E, 0x5C);
    static final String ACCENT_HEX = "#1F6E5C";

    private AppIcons() {
    }

    static byte[] color() {
        var image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        smooth(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 192, 192);
        g.setColor(ACCENT);
        g.fill(new RoundRectangle2D.Double(8, 8, 176, 176, 40, 40));
        g.setColor(Color.WHITE);
        pulse(g, 192, 14f);
        g.dispose();
        return png(image);
    }

    static byte[] outline() {
        var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        smooth(g);
        g.setColor(Color.WHITE);
        pulse(g, 32, 2.5f);
        g.dispose();
        return png(image);
    }

    /** The pulse across the square of side {@code size}, and the milestone it reaches. */
    private static void pulse(Graphics2D g, int size, float width) {
        double s = size / 32.0;
        var line = new Path2D.Double();
        line.moveTo(3 * s, 18 * s);
        line.lineTo(9 * s, 18 * s);
        line.lineTo(12 * s, 10 * s);
        line.lineTo(16 * s, 25 * s);
        line.lineTo(19 * s, 14 * s);
        line.lineTo(22 * s, 18 * s);
        line.lineTo(24 * s, 18 * s);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        double r = 3.4 * s;
        g.fill(new java.awt.geom.Ellipse2D.Double(27 * s - r, 18 * s - r, 2 * r, 2 * r));
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static byte[] png(BufferedImage image) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
