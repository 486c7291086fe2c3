package se.planpuls.api.map;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** What the map's pictures share: a white, antialiased canvas encoded as PNG, and text in the one font. */
final class Canvas {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Canvas() {
    }

    static byte[] png(int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void text(Graphics2D g, String text, int x, int y, int size, boolean bold, String colour) {
        g.setFont(font(size, bold));
        g.setColor(Color.decode(colour));
        g.drawString(text, x, y);
    }

    static Font font(int size, boolean bold) {
        return new Font("DejaVu Sans", bold ? Font.BOLD : Font.PLAIN, size);
    }
}
