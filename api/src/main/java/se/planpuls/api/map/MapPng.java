package se.planpuls.api.map;

import static se.planpuls.api.map.Canvas.font;
import static se.planpuls.api.map.Canvas.text;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.Status;

/** Draws a {@link StrategicMap} with Java2D (headless) as a PNG: the same picture as the SVG. */
final class MapPng {
    private MapPng() {
    }

    static byte[] render(StrategicMap map, PageTexts texts) {
        return Canvas.png(map.width(), map.height(), g -> draw(g, map, texts));
    }

    private static void draw(Graphics2D g, StrategicMap map, PageTexts texts) {
        text(g, map.title(), StrategicMap.MARGIN, 30, 20, true, "#1f2328");
        text(g, map.subtitle(), StrategicMap.MARGIN, 54, 13, false, "#57606a");
        for (StrategicMap.Column c : map.columns()) {
            fill(g, "#24405e", c.x(), StrategicMap.HEADER, c.width() - 2, StrategicMap.YEAR_ROW - 4);
            g.setFont(font(14, true));
            String year = String.valueOf(c.year());
            int w = g.getFontMetrics().stringWidth(year);
            text(g, year, c.x() + (c.width() - w) / 2, StrategicMap.HEADER + 18, 14, true, "#ffffff");
        }
        int left = StrategicMap.MARGIN + StrategicMap.GROUP_BAND;
        for (StrategicMap.Row r : map.areas()) {
            fill(g, r.shaded() ? "#f3f5f8" : "#fbfcfd", left, r.y(), map.width() - 2 * StrategicMap.MARGIN
                    - StrategicMap.GROUP_BAND, r.height());
            stroke(g, "#d0d7de", left, r.y(), map.width() - 2 * StrategicMap.MARGIN - StrategicMap.GROUP_BAND,
                    r.height());
            int y = r.y() + 22;
            for (String line : StrategicMap.wrap(r.name(), 19, 3)) {
                text(g, line, left + 8, y, 13, true, "#1f2328");
                y += 16;
            }
        }
        for (StrategicMap.Band b : map.groups()) {
            fill(g, "#4b6a88", StrategicMap.MARGIN, b.y(), StrategicMap.GROUP_BAND - 2, b.height());
            AffineTransform saved = g.getTransform();
            g.setFont(font(12, true));
            int w = g.getFontMetrics().stringWidth(b.name());
            g.rotate(-Math.PI / 2, StrategicMap.MARGIN + StrategicMap.GROUP_BAND / 2.0, b.y() + b.height() / 2.0);
            text(g, b.name(), StrategicMap.MARGIN + StrategicMap.GROUP_BAND / 2 - w / 2,
                    b.y() + b.height() / 2 + 4, 12, true, "#ffffff");
            g.setTransform(saved);
        }
        goals(g, map);
        for (StrategicMap.Box b : map.boxes()) {
            g.setColor(Color.decode(StrategicMap.fill(b.status())));
            g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 8, 8);
            g.setColor(Color.decode("#3d4451"));
            g.setStroke(new BasicStroke(1f));
            g.drawRoundRect(b.x(), b.y(), b.width(), b.height(), 8, 8);
            int y = b.y() + 17;
            boolean first = true;
            for (String line : b.lines()) {
                text(g, line, b.x() + 6, y, 12, first, StrategicMap.ink(b.status()));
                y += StrategicMap.LINE;
                first = false;
            }
            shapes(g, b);
        }
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        for (StrategicMap.Arrow a : map.arrows()) {
            g.setColor(new Color(0x3d, 0x44, 0x51, 220));
            Path2D path = new Path2D.Double();
            var points = a.points();
            path.moveTo(points.get(0).x(), points.get(0).y());
            for (int i = 1; i < points.size(); i++) {
                path.lineTo(points.get(i).x(), points.get(i).y());
            }
            g.draw(path);
            var before = points.get(points.size() - 2);
            var end = points.get(points.size() - 1);
            arrowhead(g, before.x(), before.y(), end.x(), end.y());
        }
        legend(g, map, texts);
    }

    /** A box's deliverables and notes on white strips, as in {@link MapSvg}. */
    private static void shapes(Graphics2D g, StrategicMap.Box b) {
        int index = b.lines().size();
        for (java.util.List<StrategicMap.Mark> line : b.marks()) {
            strip(g, b, index);
            int x = b.x() + 6;
            for (StrategicMap.Mark m : line) {
                text(g, m.text(), x, b.lineY(index), 12, true, StrategicMap.markInk(m.status()));
                x += StrategicMap.MARK_STEP;
            }
            index++;
        }
        for (StrategicMap.Note n : b.notes()) {
            strip(g, b, index);
            text(g, n.text(), b.x() + 6, b.lineY(index), 11, n.kind().equals("indicator"), n.colour());
            index++;
        }
    }

    private static void strip(Graphics2D g, StrategicMap.Box b, int index) {
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRoundRect(b.x() + 3, b.lineY(index) - 12, b.width() - 6, StrategicMap.LINE, 4, 4);
    }

    /** The plan's goals at the right, as in {@link MapSvg}. */
    private static void goals(Graphics2D g, StrategicMap map) {
        StrategicMap.Goals goals = map.goals();
        if (!goals.shown()) {
            return;
        }
        int x = goals.inner();
        int width = goals.width() - StrategicMap.CELL_PAD;
        if (goals.longTermGoal() != null) {
            fill(g, "#2f6f57", x, StrategicMap.HEADER, width, StrategicMap.YEAR_ROW - 4);
            g.setFont(font(12, true));
            int w = g.getFontMetrics().stringWidth(goals.longTermGoal());
            text(g, goals.longTermGoal(), x + (width - w) / 2, StrategicMap.HEADER + 17, 12, true, "#ffffff");
        }
        for (StrategicMap.Band b : map.groups()) {
            fill(g, "#eef5f1", x, b.y(), width, b.height());
            stroke(g, "#d0d7de", x, b.y(), width, b.height());
            int y = b.y() + 20;
            for (String goal : b.goals()) {
                for (String part : StrategicMap.wrap(goal, StrategicMap.GOAL_CHARS, 4)) {
                    text(g, part, x + 8, y, 12, false, "#1f2328");
                    y += StrategicMap.LINE;
                }
                y += StrategicMap.GAP;
            }
        }
    }

    private static void legend(Graphics2D g, StrategicMap map, PageTexts texts) {
        int x = StrategicMap.MARGIN + StrategicMap.GROUP_BAND;
        int y = map.legendY();
        Status[] statuses = {Status.REACHED, Status.IN_PROGRESS, Status.NOT_STARTED, null};
        for (Status status : statuses) {
            fill(g, StrategicMap.fill(status), x, y, 18, 14);
            stroke(g, "#3d4451", x, y, 18, 14);
            String label = texts.status("map.legend.", status);
            text(g, label, x + 24, y + 12, 13, false, "#1f2328");
            x += 40 + label.length() * 8;
        }
        g.setColor(Color.decode("#3d4451"));
        g.setStroke(new BasicStroke(1.6f));
        g.drawLine(x, y + 7, x + 34, y + 7);
        arrowhead(g, x, y + 7, x + 34, y + 7);
        text(g, texts.get("map.legend.arrow"), x + 42, y + 12, 13, false, "#1f2328");
        x += 60 + texts.get("map.legend.arrow").length() * 8;
        text(g, texts.get("map.legend.uncertain"), x, y + 12, 13, false, "#1f2328");
        if (map.boxes().stream().anyMatch(b -> !b.marks().isEmpty())) {
            text(g, texts.get("map.legend.deliverables"), StrategicMap.MARGIN + StrategicMap.GROUP_BAND, y + 32, 13,
                    false, "#1f2328");
        }
    }

    private static void arrowhead(Graphics2D g, double fromX, double fromY, double x, double y) {
        double angle = Math.atan2(y - fromY, x - fromX);
        Path2D head = new Path2D.Double();
        head.moveTo(x, y);
        head.lineTo(x - 9 * Math.cos(angle - 0.4), y - 9 * Math.sin(angle - 0.4));
        head.lineTo(x - 9 * Math.cos(angle + 0.4), y - 9 * Math.sin(angle + 0.4));
        head.closePath();
        g.setColor(Color.decode("#3d4451"));
        g.fill(head);
    }

    private static void fill(Graphics2D g, String colour, int x, int y, int w, int h) {
        g.setColor(Color.decode(colour));
        g.fillRect(x, y, w, h);
    }

    private static void stroke(Graphics2D g, String colour, int x, int y, int w, int h) {
        g.setColor(Color.decode(colour));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, h);
    }
}
