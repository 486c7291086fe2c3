package se.planpuls.api.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.DependencyEdge;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.ParentStatus;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.PlanDetail;
import se.planpuls.domain.Status;

/**
 * The layout of a plan's strategic map, drawn like the plan's Figur 1: rows are the areas in their
 * groups, columns the years of the plan, a box per milestone coloured by its status, arrows for
 * dependencies routed through the gutters between boxes ({@link Routes}). Pure geometry, shared by the SVG page and the PNG so both show the same picture.
 */
record StrategicMap(String title, String subtitle, int width, int height, List<Column> columns,
                    List<Band> groups, List<Row> areas, List<Box> boxes, List<Arrow> arrows, int legendY,
                    Goals goals) {
    static final int WIDTH = 1280;
    static final int MARGIN = 16;
    static final int GROUP_BAND = 30;
    static final int AREA_COLUMN = 168;
    static final int HEADER = 78;
    static final int YEAR_ROW = 30;
    static final int LINE = 15;
    /** Padding inside each cell; twice it is the gutter that arrows run in between boxes. */
    static final int CELL_PAD = 12;
    static final int GAP = 8;
    static final int MAX_TITLE_LINES = 4;
    static final int LEGEND = 56;
    static final int GOALS = 172;
    static final int GOAL_CHARS = 21;
    /** The width each deliverable's mark ("a ✓") takes in its parent's box. */
    static final int MARK_STEP = 36;

    record Column(int year, int x, int width) {
    }

    /** {@code goals}: the effect goals beside the group, as the plan's figure lists them at its right. */
    record Band(String name, int y, int height, List<String> goals) {
    }

    /**
     * The column at the right of the plan's figure: the long-term goal over it, each group's effect
     * goals beside the group; {@code width} 0 (and nothing drawn) when the plan has neither.
     */
    record Goals(String longTermGoal, int x, int width) {
        boolean shown() {
            return width > 0;
        }

        /** Where the goals' text starts: clear of the lanes that arrows run in beside the last column. */
        int inner() {
            return x + CELL_PAD;
        }
    }

    record Row(String code, String name, int y, int height, boolean shaded) {
    }

    /**
     * A milestone's box: its code and title lines, then one line per row of its deliverables' marks
     * ({@code marks}), then its notes (ongoing, an indicator's latest value against its target, a
     * group owner); the height holds them all.
     */
    record Box(long id, String code, List<String> lines, Status status, boolean uncertain, int x, int y, int width,
               int height, List<List<Mark>> marks, List<Note> notes) {
        Box {
            marks = marks == null ? List.of() : List.copyOf(marks);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        Box(long id, String code, List<String> lines, Status status, boolean uncertain, int x, int y, int width,
            int height) {
            this(id, code, lines, status, uncertain, x, y, width, height, List.of(), List.of());
        }

        /** The y of the baseline of the box's {@code index}th line, counting title, mark and note lines alike. */
        int lineY(int index) {
            return y + 17 + index * LINE;
        }

        int centreX() {
            return x + width / 2;
        }

        int centreY() {
            return y + height / 2;
        }
    }

    record Point(int x, int y) {
    }

    /** A deliverable in its parent's box: its letter (or code) and its status, drawn as "a ✓". */
    record Mark(String code, String label, Status status) {
        String symbol() {
            if (status == null) {
                return "\u25CB";
            }
            return switch (status) {
                case REACHED -> "\u2713";
                case IN_PROGRESS -> "\u25CF";
                case NOT_STARTED -> "\u2717";
            };
        }

        String text() {
            return label + " " + symbol();
        }
    }

    /** A line of words under a box's title, in its own colour: {@code kind} ongoing, indicator or group. */
    record Note(String kind, String text, String colour) {
    }

    /**
     * What the map shows of the items' shapes beside their status: each indicator's values (by item
     * id), and the page texts the notes are written in.
     */
    record Shapes(Map<Long, IndicatorProgress> indicators, PageTexts texts) {
        static final Shapes NONE = new Shapes(Map.of(), PageTexts.swedish());
    }

    /**
     * An orthogonal path from the prerequisite's box to the box of the milestone that depends on it,
     * run through the gutters between columns and between rows so it never crosses a box.
     * {@code basis}: the plan's sentence behind the arrow, its tooltip; null when none was recorded.
     */
    record Arrow(String from, String to, List<Point> points, String basis) {
        Arrow {
            points = List.copyOf(points);
        }
    }

    static StrategicMap of(PlanDetail plan, List<DependencyEdge> edges, String title, String subtitle) {
        return of(plan, edges, title, subtitle, view -> view.currentStatus().orElse(null));
    }

    /** {@code status}: the colour each milestone is drawn in, e.g. its status as of a past day. */
    static StrategicMap of(PlanDetail plan, List<DependencyEdge> edges, String title, String subtitle,
                           java.util.function.Function<MilestoneView, Status> status) {
        return of(plan, edges, title, subtitle, status, Shapes.NONE);
    }

    /**
     * As {@link #of(PlanDetail, List, String, String, java.util.function.Function)}, with the items'
     * shapes: a parent's deliverables are marks in its box (not boxes of their own; an arrow to or from
     * one is drawn to or from the parent), and the parent is coloured by the status summarised from
     * them ({@link ParentStatus}); an ongoing item, an indicator and a group's item have a note.
     */
    static StrategicMap of(PlanDetail plan, List<DependencyEdge> edges, String title, String subtitle,
                           java.util.function.Function<MilestoneView, Status> status, Shapes shapes) {
        int first = plan.plan().periodStart();
        int years = plan.plan().periodEnd() - first + 1;
        int left = MARGIN + GROUP_BAND + AREA_COLUMN;
        boolean goalsShown = (plan.longTermGoal() != null && !plan.longTermGoal().isBlank())
                || plan.groups().stream().anyMatch(g -> !g.effectGoals().isEmpty());
        int goalsWidth = goalsShown ? GOALS : 0;
        int columnWidth = (WIDTH - left - MARGIN - goalsWidth) / years;
        int boxWidth = columnWidth - 2 * CELL_PAD;
        int charsPerLine = Math.max(12, (boxWidth - 12) * 10 / 73);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            columns.add(new Column(first + i, left + i * columnWidth, columnWidth));
        }
        // A deliverable is drawn in its parent's box when the parent is on the map.
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, List<MilestoneView>> children = new HashMap<>();
        java.util.Set<Long> onMap = new java.util.HashSet<>();
        plan.groups().forEach(g -> g.areas().forEach(a -> a.milestones().forEach(v -> onMap.add(v.milestone().id()))));
        plan.groups().forEach(g -> g.areas().forEach(a -> a.milestones().forEach(v -> {
            Long parent = v.milestone().shape().parentId();
            if (parent != null && onMap.contains(parent)) {
                parents.put(v.milestone().id(), parent);
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(v);
            }
        })));
        List<Band> bands = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        int y = HEADER + YEAR_ROW;
        int rowIndex = 0;
        for (PlanDetail.GroupDetail group : plan.groups()) {
            int groupTop = y;
            for (PlanDetail.AreaDetail area : group.areas()) {
                int[] cellY = new int[years];
                java.util.Arrays.fill(cellY, y + CELL_PAD);
                for (MilestoneView view : area.milestones()) {
                    var m = view.milestone();
                    if (parents.containsKey(m.id())) {
                        continue;
                    }
                    int column = Math.max(0, Math.min(years - 1, m.dueYear() - first));
                    List<String> lines = new ArrayList<>();
                    lines.add(m.code());
                    lines.addAll(wrap(m.title() + (m.dateUncertain() ? "*" : ""), charsPerLine, MAX_TITLE_LINES));
                    List<MilestoneView> own = children.getOrDefault(m.id(), List.of());
                    List<List<Mark>> marks = BoxShapes.marks(m.code(), own, status, Math.max(1, (boxWidth - 12) / MARK_STEP));
                    Status shown = own.isEmpty() ? status.apply(view) : ParentStatus.of(own.stream()
                            .map(c -> new ParentStatus.Child(status.apply(c), false, false)).toList()).status();
                    List<Note> notes = BoxShapes.notes(view, shapes, charsPerLine);
                    int height = (lines.size() + marks.size() + notes.size()) * LINE + 10;
                    boxes.add(new Box(m.id(), m.code(), lines, shown, m.dateUncertain(),
                            columns.get(column).x() + CELL_PAD, cellY[column], boxWidth, height, marks, notes));
                    cellY[column] += height + GAP;
                }
                int bottom = y + 2 * CELL_PAD + 40;
                for (int c : cellY) {
                    bottom = Math.max(bottom, c - GAP + CELL_PAD);
                }
                rows.add(new Row(area.area().code(), area.area().name(), y, bottom - y, rowIndex++ % 2 == 1));
                y = bottom;
            }
            // The group's goals need their own height when its areas are few.
            int goalLines = 0;
            for (String goal : group.effectGoals()) {
                goalLines += wrap(goal, GOAL_CHARS, 4).size();
            }
            int goalsBottom = groupTop + 12 + goalLines * LINE + group.effectGoals().size() * GAP;
            if (goalsShown && goalsBottom > y && !rows.isEmpty()) {
                Row last = rows.remove(rows.size() - 1);
                rows.add(new Row(last.code(), last.name(), last.y(), last.height() + goalsBottom - y, last.shaded()));
                y = goalsBottom;
            }
            bands.add(new Band(group.group().name(), groupTop, y - groupTop, group.effectGoals()));
        }
        Map<Long, Box> byId = new HashMap<>();
        boxes.forEach(b -> byId.put(b.id(), b));
        parents.forEach((child, parent) -> byId.put(child, byId.get(parent)));
        List<Integer> channels = new ArrayList<>();
        rows.forEach(r -> channels.add(r.y()));
        channels.add(y);
        List<Arrow> arrows = Routes.of(byId, edges, columns, channels);
        Column last = columns.get(years - 1);
        return new StrategicMap(title, subtitle, WIDTH, y + LEGEND, columns, bands, rows, boxes, arrows, y + 18,
                new Goals(plan.longTermGoal(), last.x() + last.width(), goalsWidth));
    }

    /** Greedy word wrap; a last line that does not fit ends with an ellipsis. */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word.length() > width ? word.substring(0, width - 1) + "…" : word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            String last = cut.get(maxLines - 1);
            cut.set(maxLines - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + "…");
            return cut;
        }
        return lines;
    }

    /** Fill colours as in the plan's figure: green reached, yellow in progress, red not started; grey unreported. */
    static String fill(Status status) {
        if (status == null) {
            return "#c9ccd1";
        }
        return switch (status) {
            case REACHED -> "#2e9e4f";
            case IN_PROGRESS -> "#f4c430";
            case NOT_STARTED -> "#d9413b";
        };
    }

    /** A mark's colour on the white strip it is drawn on: its status colour, darkened where it is pale. */
    static String markInk(Status status) {
        if (status == null) {
            return "#57606a";
        }
        return switch (status) {
            case REACHED -> "#1a7f37";
            case IN_PROGRESS -> "#9a6700";
            case NOT_STARTED -> "#cf222e";
        };
    }

    static String ink(Status status) {
        return status == Status.REACHED || status == Status.NOT_STARTED ? "#ffffff" : "#1f2328";
    }
}
