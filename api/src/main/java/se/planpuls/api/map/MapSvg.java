package se.planpuls.api.map;

import static se.planpuls.api.http.PageTexts.html;

import java.util.List;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.Status;

/** Writes a {@link StrategicMap} as inline SVG, and the HTML page around it. */
final class MapSvg {
    static final String FONT = "DejaVu Sans, Segoe UI, Arial, sans-serif";

    private MapSvg() {
    }

    static String page(StrategicMap map, PageTexts texts, String pngUrl) {
        return """
                <!doctype html>
                <html lang="sv">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { margin: 0; background: #ffffff; font-family: %s; color: #1f2328; }
                main { max-width: %dpx; margin: 0 auto; }
                svg { display: block; width: 100%%; height: auto; }
                p.links { margin: 8px 16px 24px; font-size: 14px; }
                </style>
                </head>
                <body>
                <main>
                %s
                <p class="links"><a href="%s">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(html(map.title()), FONT, map.width(), svg(map, texts), html(pngUrl),
                html(texts.get("map.png")));
    }

    static String svg(StrategicMap map, PageTexts texts) {
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"strategic-map\" role=\"img\" viewBox=\"0 0 ")
                .append(map.width()).append(' ').append(map.height()).append("\" width=\"").append(map.width())
                .append("\" height=\"").append(map.height()).append("\" font-family=\"").append(FONT)
                .append("\" aria-label=\"").append(html(map.title())).append("\">\n");
        s.append("<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3d4451\"/>"
                + "</marker></defs>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(s, StrategicMap.MARGIN, 30, 20, "bold", "#1f2328", map.title(), null);
        text(s, StrategicMap.MARGIN, 54, 13, "normal", "#57606a", map.subtitle(), null);
        int yearTop = StrategicMap.HEADER;
        for (StrategicMap.Column c : map.columns()) {
            s.append("<rect x=\"").append(c.x()).append("\" y=\"").append(yearTop).append("\" width=\"")
                    .append(c.width() - 2).append("\" height=\"").append(StrategicMap.YEAR_ROW - 4)
                    .append("\" fill=\"#24405e\" rx=\"3\"/>\n");
            text(s, c.x() + c.width() / 2, yearTop + 18, 14, "bold", "#ffffff", String.valueOf(c.year()), "middle");
        }
        for (StrategicMap.Row r : map.areas()) {
            s.append("<rect class=\"area\" x=\"").append(StrategicMap.MARGIN + StrategicMap.GROUP_BAND)
                    .append("\" y=\"").append(r.y()).append("\" width=\"")
                    .append(map.width() - 2 * StrategicMap.MARGIN - StrategicMap.GROUP_BAND).append("\" height=\"")
                    .append(r.height()).append("\" fill=\"").append(r.shaded() ? "#f3f5f8" : "#fbfcfd")
                    .append("\" stroke=\"#d0d7de\"/>\n");
            int lineY = r.y() + 22;
            for (String line : StrategicMap.wrap(r.name(), 19, 3)) {
                text(s, StrategicMap.MARGIN + StrategicMap.GROUP_BAND + 8, lineY, 13, "bold", "#1f2328", line, null);
                lineY += 16;
            }
        }
        for (StrategicMap.Band b : map.groups()) {
            s.append("<rect class=\"group\" x=\"").append(StrategicMap.MARGIN).append("\" y=\"").append(b.y())
                    .append("\" width=\"").append(StrategicMap.GROUP_BAND - 2).append("\" height=\"")
                    .append(b.height()).append("\" fill=\"#4b6a88\"/>\n");
            int cx = StrategicMap.MARGIN + StrategicMap.GROUP_BAND / 2;
            int cy = b.y() + b.height() / 2;
            s.append("<text x=\"").append(cx).append("\" y=\"").append(cy).append("\" transform=\"rotate(-90 ")
                    .append(cx).append(' ').append(cy).append(")\" text-anchor=\"middle\" dominant-baseline=\"central\""
                            + " font-size=\"12\" font-weight=\"bold\" fill=\"#ffffff\">").append(html(b.name()))
                    .append("</text>\n");
        }
        goals(s, map);
        for (StrategicMap.Box b : map.boxes()) {
            String status = b.status() == null ? "none" : b.status().apiName();
            s.append("<g class=\"milestone\" data-code=\"").append(html(b.code())).append("\" data-status=\"")
                    .append(status).append("\" data-id=\"").append(b.id()).append("\">");
            s.append("<title>").append(html(String.join(" ", b.lines()))).append(" (")
                    .append(html(texts.status("map.legend.", b.status()))).append(")</title>");
            s.append("<rect class=\"box\" x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"")
                    .append(b.width()).append("\" height=\"").append(b.height()).append("\" rx=\"4\" fill=\"")
                    .append(StrategicMap.fill(b.status())).append("\" stroke=\"#3d4451\" stroke-width=\"1\"/>");
            int lineY = b.y() + 17;
            boolean first = true;
            for (String line : b.lines()) {
                text(s, b.x() + 6, lineY, 12, first ? "bold" : "normal", StrategicMap.ink(b.status()), line, null);
                lineY += StrategicMap.LINE;
                first = false;
            }
            shapes(s, b);
            s.append("</g>\n");
        }
        for (StrategicMap.Arrow a : map.arrows()) {
            s.append("<path class=\"dependency\" data-from=\"").append(html(a.from())).append("\" data-to=\"")
                    .append(html(a.to())).append("\" d=\"").append(path(a))
                    .append("\" fill=\"none\" stroke=\"#3d4451\" stroke-width=\"1.6\" stroke-opacity=\"0.85\" "
                            + "stroke-linejoin=\"round\" marker-end=\"url(#arrowhead)\">");
            // The plan's own sentence behind the arrow, shown when a reader hovers over it.
            s.append("<title>").append(html(a.from() + " → " + a.to()))
                    .append(a.basis() == null ? "" : ": " + html(a.basis())).append("</title></path>\n");
        }
        legend(s, map, texts);
        s.append("</svg>");
        return s.toString();
    }

    /**
     * A box's deliverables and notes, each line on a white strip so the status colours read on any
     * fill: "a ✓ b ● c ✗ d ○" with each mark in its status colour, then "Löpande", an indicator's
     * value against its target (green on target, red off it), a group owner.
     */
    private static void shapes(StringBuilder s, StrategicMap.Box b) {
        int index = b.lines().size();
        for (List<StrategicMap.Mark> line : b.marks()) {
            strip(s, b, index, "deliverables");
            int x = b.x() + 6;
            for (StrategicMap.Mark m : line) {
                s.append("<text class=\"deliverable\" data-code=\"").append(html(m.code())).append("\" data-status=\"")
                        .append(m.status() == null ? "none" : m.status().apiName()).append("\" x=\"").append(x)
                        .append("\" y=\"").append(b.lineY(index)).append("\" font-size=\"12\" font-weight=\"bold\" fill=\"")
                        .append(StrategicMap.markInk(m.status())).append("\">").append(html(m.text())).append("</text>");
                x += StrategicMap.MARK_STEP;
            }
            index++;
        }
        for (StrategicMap.Note n : b.notes()) {
            strip(s, b, index, "note " + n.kind());
            text(s, b.x() + 6, b.lineY(index), 11, n.kind().equals("indicator") ? "bold" : "normal", n.colour(),
                    n.text(), null);
            index++;
        }
    }

    private static void strip(StringBuilder s, StrategicMap.Box b, int index, String css) {
        s.append("<rect class=\"").append(css).append("\" x=\"").append(b.x() + 3).append("\" y=\"")
                .append(b.lineY(index) - 12).append("\" width=\"").append(b.width() - 6).append("\" height=\"")
                .append(StrategicMap.LINE).append("\" rx=\"2\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>");
    }

    /** The plan's goals at the right, as its figure has them: the long-term goal on top, effect goals by group. */
    private static void goals(StringBuilder s, StrategicMap map) {
        StrategicMap.Goals goals = map.goals();
        if (!goals.shown()) {
            return;
        }
        int x = goals.inner();
        int width = goals.width() - StrategicMap.CELL_PAD;
        if (goals.longTermGoal() != null) {
            s.append("<rect class=\"long-term-goal\" x=\"").append(x).append("\" y=\"").append(StrategicMap.HEADER)
                    .append("\" width=\"").append(width).append("\" height=\"").append(StrategicMap.YEAR_ROW - 4)
                    .append("\" fill=\"#2f6f57\" rx=\"3\"/>\n");
            text(s, x + width / 2, StrategicMap.HEADER + 17, 12, "bold", "#ffffff", goals.longTermGoal(), "middle");
        }
        for (StrategicMap.Band b : map.groups()) {
            s.append("<g class=\"group-goals\" data-group=\"").append(html(b.name())).append("\">");
            s.append("<rect x=\"").append(x).append("\" y=\"").append(b.y()).append("\" width=\"").append(width)
                    .append("\" height=\"").append(b.height()).append("\" fill=\"#eef5f1\" stroke=\"#d0d7de\"/>");
            int y = b.y() + 20;
            for (String goal : b.goals()) {
                s.append("<text class=\"goal\" x=\"").append(x + 8).append("\" y=\"").append(y)
                        .append("\" font-size=\"12\" fill=\"#1f2328\">");
                int line = 0;
                for (String part : StrategicMap.wrap(goal, StrategicMap.GOAL_CHARS, 4)) {
                    s.append("<tspan x=\"").append(x + 8).append("\" dy=\"").append(line++ == 0 ? 0 : StrategicMap.LINE)
                            .append("\">").append(html(part)).append("</tspan>");
                    y += StrategicMap.LINE;
                }
                s.append("</text>");
                y += StrategicMap.GAP;
            }
            s.append("</g>\n");
        }
    }

    /** The arrow's corners as an SVG path: a move to the first, straight lines to the rest. */
    static String path(StrategicMap.Arrow a) {
        StringBuilder d = new StringBuilder();
        for (StrategicMap.Point p : a.points()) {
            d.append(d.length() == 0 ? "M" : " L").append(p.x()).append(',').append(p.y());
        }
        return d.toString();
    }

    private static void legend(StringBuilder s, StrategicMap map, PageTexts texts) {
        int x = StrategicMap.MARGIN + StrategicMap.GROUP_BAND;
        int y = map.legendY();
        Status[] statuses = {Status.REACHED, Status.IN_PROGRESS, Status.NOT_STARTED, null};
        for (Status status : statuses) {
            s.append("<rect class=\"legend\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"18\" "
                    + "height=\"14\" rx=\"3\" stroke=\"#3d4451\" fill=\"").append(StrategicMap.fill(status))
                    .append("\"/>");
            String label = texts.status("map.legend.", status);
            text(s, x + 24, y + 12, 13, "normal", "#1f2328", label, null);
            x += 40 + label.length() * 8;
        }
        s.append("<path d=\"M").append(x).append(',').append(y + 7).append(" L").append(x + 34).append(',')
                .append(y + 7).append("\" stroke=\"#3d4451\" stroke-width=\"1.6\" marker-end=\"url(#arrowhead)\"/>");
        text(s, x + 42, y + 12, 13, "normal", "#1f2328", texts.get("map.legend.arrow"), null);
        x += 60 + texts.get("map.legend.arrow").length() * 8;
        text(s, x, y + 12, 13, "normal", "#1f2328", texts.get("map.legend.uncertain"), null);
        if (map.boxes().stream().anyMatch(b -> !b.marks().isEmpty())) {
            text(s, StrategicMap.MARGIN + StrategicMap.GROUP_BAND, y + 32, 13, "normal", "#1f2328",
                    texts.get("map.legend.deliverables"), null);
        }
        s.append('\n');
    }

    private static void text(StringBuilder s, int x, int y, int size, String weight, String fill, String text,
                             String anchor) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" fill=\"").append(fill).append('"');
        if (anchor != null) {
            s.append(" text-anchor=\"").append(anchor).append('"');
        }
        s.append('>').append(html(text)).append("</text>");
    }
}
