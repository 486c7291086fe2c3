package se.planpuls.api.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorDirection;
import se.planpuls.domain.IndicatorProgress;

/**
 * An indicator's values over time as a small picture: a line through the last value of each period,
 * the baseline as its first point, the target as a dashed line, the latest value as a dot in green
 * when it meets the target and red when not. Drawn with Java2D (headless), like the map.
 */
final class SparklinePng {
    static final int WIDTH = 240;
    static final int HEIGHT = 60;
    private static final int PAD = 6;
    static final String MET = "#1a7f37";
    static final String NOT_MET = "#cf222e";
    static final String LINE = "#0969da";
    static final String TARGET = "#8c959f";

    private SparklinePng() {
    }

    /** The points the line goes through, oldest first: the baseline (when known), then each period's value. */
    static List<BigDecimal> points(IndicatorProgress progress) {
        List<BigDecimal> points = new ArrayList<>();
        if (progress.indicator().baselineValue() != null) {
            points.add(progress.indicator().baselineValue());
        }
        points.addAll(progress.perPeriod().values());
        return points;
    }

    static byte[] render(IndicatorProgress progress) {
        List<BigDecimal> points = points(progress);
        Indicator indicator = progress.indicator();
        BigDecimal target = indicator.direction() == IndicatorDirection.AT_LEAST
                || indicator.direction() == IndicatorDirection.AT_MOST || indicator.targetValue() != null
                ? indicator.targetValue() : null;
        return Canvas.png(WIDTH, HEIGHT, g -> {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            List<BigDecimal> all = new ArrayList<>(points);
            if (target != null) {
                all.add(target);
            }
            for (BigDecimal v : all) {
                min = Math.min(min, v.doubleValue());
                max = Math.max(max, v.doubleValue());
            }
            if (all.isEmpty()) {
                min = 0;
                max = 1;
            }
            if (max - min < 1e-9) {
                min -= 1;
                max += 1;
            }
            double lo = min;
            double span = max - min;
            java.util.function.DoubleUnaryOperator y = v -> HEIGHT - PAD - (v - lo) / span * (HEIGHT - 2 * PAD);
            if (target != null) {
                g.setColor(Color.decode(TARGET));
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f},
                        0f));
                int ty = (int) Math.round(y.applyAsDouble(target.doubleValue()));
                g.drawLine(PAD, ty, WIDTH - PAD, ty);
            }
            if (points.isEmpty()) {
                return;
            }
            double step = points.size() == 1 ? 0 : (WIDTH - 2.0 * PAD) / (points.size() - 1);
            Path2D line = new Path2D.Double();
            for (int i = 0; i < points.size(); i++) {
                double x = points.size() == 1 ? WIDTH / 2.0 : PAD + i * step;
                double py = y.applyAsDouble(points.get(i).doubleValue());
                if (i == 0) {
                    line.moveTo(x, py);
                } else {
                    line.lineTo(x, py);
                }
            }
            g.setColor(Color.decode(LINE));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            double lastX = points.size() == 1 ? WIDTH / 2.0 : WIDTH - PAD;
            double lastY = y.applyAsDouble(points.get(points.size() - 1).doubleValue());
            boolean reported = progress.latest() != null;
            g.setColor(Color.decode(!reported ? TARGET : progress.onTarget() ? MET : NOT_MET));
            g.fillOval((int) Math.round(lastX - 4), (int) Math.round(lastY - 4), 8, 8);
        });
    }
}
