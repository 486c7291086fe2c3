package se.planpuls.api.map;

import static se.planpuls.api.map.Canvas.font;
import static se.planpuls.api.map.Canvas.text;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.PlanDetail;
import se.planpuls.domain.Status;

/**
 * The status per priority area as a picture for the digest: a stacked bar per area in the map's four
 * colours (reached, in progress, not started, no report), each as long as the area has milestones, with
 * the count written in each part wide enough to hold it. Drawn with Java2D (headless), like the map.
 */
final class StatusBarsPng {
    static final int WIDTH = 900;
    static final int MARGIN = 16;
    static final int LABEL = 300;
    static final int ROW = 30;
    static final int BAR = 20;
    static final int LEGEND = 34;
    private static final Status[] ORDER = {Status.REACHED, Status.IN_PROGRESS, Status.NOT_STARTED, null};

    private StatusBarsPng() {
    }

    /** One area's counts, in the order of {@link #ORDER}. */
    record Bar(String area, int[] counts) {
        int total() {
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            return total;
        }
    }

    static List<Bar> bars(PlanDetail plan) {
        List<Bar> bars = new ArrayList<>();
        for (PlanDetail.GroupDetail group : plan.groups()) {
            for (PlanDetail.AreaDetail area : group.areas()) {
                int[] counts = new int[ORDER.length];
                for (MilestoneView view : area.milestones()) {
                    Status status = view.currentStatus().orElse(null);
                    counts[status == null ? ORDER.length - 1 : status.ordinal()]++;
                }
                bars.add(new Bar(area.area().name(), counts));
            }
        }
        return bars;
    }

    static byte[] render(PlanDetail plan, PageTexts texts) {
        List<Bar> bars = bars(plan);
        int height = MARGIN * 2 + bars.size() * ROW + LEGEND;
        return Canvas.png(WIDTH, height, g -> {
            int most = Math.max(1, bars.stream().mapToInt(Bar::total).max().orElse(1));
            double unit = (WIDTH - 2 * MARGIN - LABEL - 40) / (double) most;
            int y = MARGIN;
            for (Bar bar : bars) {
                text(g, shorten(g, bar.area(), LABEL - 12), MARGIN, y + 15, 13, false, "#1f2328");
                int x = MARGIN + LABEL;
                for (int i = 0; i < ORDER.length; i++) {
                    int w = (int) Math.round(bar.counts()[i] * unit);
                    if (w == 0) {
                        continue;
                    }
                    g.setColor(Color.decode(StrategicMap.fill(ORDER[i])));
                    g.fillRect(x, y, w, BAR);
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(1f));
                    g.drawLine(x + w - 1, y, x + w - 1, y + BAR);
                    String count = String.valueOf(bar.counts()[i]);
                    g.setFont(font(12, true));
                    if (g.getFontMetrics().stringWidth(count) + 6 <= w) {
                        text(g, count, x + (w - g.getFontMetrics().stringWidth(count)) / 2, y + 15, 12, true,
                                ORDER[i] == Status.IN_PROGRESS || ORDER[i] == null ? "#1f2328" : "#ffffff");
                    }
                    x += w;
                }
                text(g, String.valueOf(bar.total()), x + 6, y + 15, 12, false, "#57606a");
                y += ROW;
            }
            int x = MARGIN + LABEL;
            y += 8;
            for (Status status : ORDER) {
                g.setColor(Color.decode(StrategicMap.fill(status)));
                g.fillRect(x, y, 16, 12);
                String label = texts.status("map.legend.", status);
                text(g, label, x + 22, y + 11, 12, false, "#1f2328");
                g.setFont(font(12, false));
                x += 40 + g.getFontMetrics().stringWidth(label);
            }
        });
    }

    private static String shorten(Graphics2D g, String text, int width) {
        g.setFont(font(13, false));
        if (g.getFontMetrics().stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && g.getFontMetrics().stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }
}
