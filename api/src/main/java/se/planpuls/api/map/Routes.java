package se.planpuls.api.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planpuls.api.map.StrategicMap.Arrow;
import se.planpuls.api.map.StrategicMap.Box;
import se.planpuls.api.map.StrategicMap.Column;
import se.planpuls.api.map.StrategicMap.Point;
import se.planpuls.domain.DependencyEdge;

/**
 * Routes the map's dependency arrows through its gutters. Boxes only ever sit inside a column, at
 * least {@link StrategicMap#CELL_PAD} from its edges, and inside a row, at least as far from its top
 * and bottom; so the vertical lines between columns and the horizontal lines between rows are free of
 * boxes from end to end. An arrow leaves its box sideways into the nearest column gutter, runs along
 * it to a row gutter if it has to cross columns, along that to the gutter beside its target, and
 * enters the target from that side. Arrows sharing a gutter run in lanes side by side, and the
 * arrows at one side of a box leave or enter it at points spread along that side, so none hides
 * another.
 */
final class Routes {
    /** How wide the lanes of one gutter may spread: the gutter less a little air on each side. */
    static final int SPREAD = 2 * StrategicMap.CELL_PAD - 6;

    private Routes() {
    }

    /** One arrow being routed: its boxes, the gutters it uses and where it meets its boxes. */
    private static final class Route {
        final Box from;
        final Box to;
        final String basis;
        final boolean leavesRight;
        final boolean entersLeft;
        final int exitGutter;
        final int entryGutter;
        int exitY;
        int entryY;
        Integer channel;
        final Map<String, Integer> offsets = new LinkedHashMap<>();

        Route(Box from, Box to, String basis, int fromColumn, int toColumn) {
            this.from = from;
            this.to = to;
            this.basis = basis;
            this.leavesRight = toColumn >= fromColumn;
            // Forward it enters from the left; backward, or within one column, from the right.
            this.entersLeft = toColumn > fromColumn;
            this.exitGutter = leavesRight ? fromColumn + 1 : fromColumn;
            this.entryGutter = entersLeft ? toColumn : toColumn + 1;
        }
    }

    static List<Arrow> of(Map<Long, Box> boxes, List<DependencyEdge> edges, List<Column> columns,
                          List<Integer> channels) {
        List<Route> routes = new ArrayList<>();
        for (DependencyEdge edge : edges) {
            Box from = boxes.get(edge.dependsOnId());
            Box to = boxes.get(edge.milestoneId());
            if (from != null && to != null && from != to) {
                routes.add(new Route(from, to, edge.basis(), column(from, columns), column(to, columns)));
            }
        }
        spreadPorts(routes);
        for (Route r : routes) {
            if (r.exitGutter != r.entryGutter) {
                r.channel = nearest(channels, r.exitY, r.entryY);
            }
        }
        assignLanes(routes, columns);
        List<Arrow> arrows = new ArrayList<>();
        for (Route r : routes) {
            arrows.add(new Arrow(r.from.code(), r.to.code(), points(r, columns), r.basis));
        }
        return arrows;
    }

    private static int column(Box box, List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (box.x() >= c.x() && box.x() < c.x() + c.width()) {
                return i;
            }
        }
        throw new IllegalStateException("box " + box.code() + " lies outside every column");
    }

    /** x of the gutter before column {@code i} (i = number of columns: after the last). */
    private static int gutter(int i, List<Column> columns) {
        if (i < columns.size()) {
            return columns.get(i).x();
        }
        Column last = columns.get(columns.size() - 1);
        return last.x() + last.width();
    }

    /** The arrows at one side of a box meet it at points spread evenly along that side, in the order of their other ends. */
    private static void spreadPorts(List<Route> routes) {
        record Port(Route route, boolean exit, int otherY) {
        }
        Map<String, List<Port>> sides = new LinkedHashMap<>();
        for (Route r : routes) {
            sides.computeIfAbsent(r.from.id() + (r.leavesRight ? "R" : "L"), k -> new ArrayList<>())
                    .add(new Port(r, true, r.to.centreY()));
            sides.computeIfAbsent(r.to.id() + (r.entersLeft ? "L" : "R"), k -> new ArrayList<>())
                    .add(new Port(r, false, r.from.centreY()));
        }
        for (List<Port> ports : sides.values()) {
            ports.sort(Comparator.comparingInt(Port::otherY));
            for (int k = 0; k < ports.size(); k++) {
                Port p = ports.get(k);
                Box box = p.exit() ? p.route().from : p.route().to;
                int y = box.y() + (k + 1) * box.height() / (ports.size() + 1);
                if (p.exit()) {
                    p.route().exitY = y;
                } else {
                    p.route().entryY = y;
                }
            }
        }
    }

    /** The row gutter that makes the path shortest; of equals, the one nearest the target. */
    private static int nearest(List<Integer> channels, int fromY, int toY) {
        int best = channels.get(0);
        long bestCost = Long.MAX_VALUE;
        for (int c : channels) {
            long cost = (long) (Math.abs(fromY - c) + Math.abs(c - toY)) * 10_000 + Math.abs(c - toY);
            if (cost < bestCost) {
                best = c;
                bestCost = cost;
            }
        }
        return best;
    }

    /** Parallel runs in one gutter get lanes, ordered by where they run so they cross as little as they can. */
    private static void assignLanes(List<Route> routes, List<Column> columns) {
        record Use(Route route, String key, int order) {
        }
        Map<String, List<Use>> gutters = new LinkedHashMap<>();
        for (Route r : routes) {
            int exitEnd = r.channel == null ? r.entryY : r.channel;
            add(gutters, new Use(r, "x" + r.exitGutter, (r.exitY + exitEnd) / 2), Use::key);
            if (r.channel != null) {
                add(gutters, new Use(r, "x" + r.entryGutter, (r.channel + r.entryY) / 2), Use::key);
                int a = gutter(r.exitGutter, columns);
                int b = gutter(r.entryGutter, columns);
                add(gutters, new Use(r, "y" + r.channel, (a + b) / 2), Use::key);
            }
        }
        for (List<Use> uses : gutters.values()) {
            uses.sort(Comparator.comparingInt(Use::order));
            int n = uses.size();
            for (int k = 0; k < n; k++) {
                int offset = n == 1 ? 0 : Math.round((k - (n - 1) / 2f) * Math.min(4f, SPREAD / (float) (n - 1)));
                uses.get(k).route().offsets.put(uses.get(k).key(), offset);
            }
        }
    }

    private static <T> void add(Map<String, List<T>> groups, T item, java.util.function.Function<T, String> key) {
        groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
    }

    private static List<Point> points(Route r, List<Column> columns) {
        List<Point> points = new ArrayList<>();
        int exitX = r.leavesRight ? r.from.x() + r.from.width() : r.from.x();
        int entryX = r.entersLeft ? r.to.x() : r.to.x() + r.to.width();
        int g1 = gutter(r.exitGutter, columns) + r.offsets.get("x" + r.exitGutter);
        points.add(new Point(exitX, r.exitY));
        points.add(new Point(g1, r.exitY));
        if (r.channel != null) {
            int c = r.channel + r.offsets.get("y" + r.channel);
            int g2 = gutter(r.entryGutter, columns) + r.offsets.get("x" + r.entryGutter);
            points.add(new Point(g1, c));
            points.add(new Point(g2, c));
            points.add(new Point(g2, r.entryY));
        } else {
            points.add(new Point(g1, r.entryY));
        }
        points.add(new Point(entryX, r.entryY));
        return simplified(points);
    }

    /** Without repeated points and the middle points of straight runs, so a path is its corners. */
    private static List<Point> simplified(List<Point> points) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
                continue;
            }
            if (out.size() >= 2) {
                Point a = out.get(out.size() - 2);
                Point b = out.get(out.size() - 1);
                if ((a.x() == b.x() && b.x() == p.x()) || (a.y() == b.y() && b.y() == p.y())) {
                    out.set(out.size() - 1, p);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }
}
