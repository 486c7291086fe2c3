package se.planpuls.api.map;

import java.util.ArrayList;
import java.util.List;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.IndicatorProgress;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Status;

/**
 * What a box of the {@link StrategicMap} shows of its item's shape below the title: its
 * deliverables' marks and its notes (ongoing, an indicator's value against its target, a group owner).
 */
final class BoxShapes {
    private BoxShapes() {
    }

    /**
     * The deliverables' marks, {@code perLine} to a line: each labelled by what its code adds to the
     * parent's ("NR-7-a" under "NR-7" is "a"), else by its place in the alphabet.
     */
    static List<List<StrategicMap.Mark>> marks(String parentCode, List<MilestoneView> children,
                                  java.util.function.Function<MilestoneView, Status> status, int perLine) {
        List<List<StrategicMap.Mark>> lines = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            var c = children.get(i).milestone();
            String label = c.code().startsWith(parentCode)
                    ? c.code().substring(parentCode.length()).replaceFirst("^[-._ :]+", "") : "";
            if (label.isEmpty() || label.length() > 3) {
                label = i < 26 ? String.valueOf((char) ('a' + i)) : String.valueOf(i + 1);
            }
            if (i % perLine == 0) {
                lines.add(new ArrayList<>());
            }
            lines.get(lines.size() - 1).add(new StrategicMap.Mark(c.code(), label, status.apply(children.get(i))));
        }
        return lines;
    }

    /** The notes under a box's title: "Löpande", an indicator's "78 / ≥ 80 %", and a group owner's name. */
    static List<StrategicMap.Note> notes(MilestoneView view, StrategicMap.Shapes shapes, int chars) {
        var m = view.milestone();
        PageTexts t = shapes.texts();
        List<StrategicMap.Note> notes = new ArrayList<>();
        if (m.shape().ongoing()) {
            notes.add(new StrategicMap.Note("ongoing", t.get("map.ongoing"), "#1f2328"));
        }
        IndicatorProgress progress = shapes.indicators().get(m.id());
        if (progress != null) {
            var i = progress.indicator();
            String latest = progress.latestValue() == null ? "–" : i.format(progress.latestValue(), t.locale());
            String colour = progress.latest() == null ? "#57606a" : progress.onTarget() ? "#1a7f37" : "#cf222e";
            notes.add(new StrategicMap.Note("indicator", cut(latest + " / " + target(i, t), chars), colour));
        }
        if (m.shape().ownerGroupId() != null && view.ownerName() != null) {
            notes.add(new StrategicMap.Note("group", cut(t.get("map.owner.group", view.ownerName()), chars), "#1f2328"));
        }
        return notes;
    }

    /** An indicator's target in the map's short words ("≥ 80 %"), else the review's ("minst 80 %"). */
    static String target(se.planpuls.domain.Indicator i, PageTexts t) {
        String value = i.targetValue() == null ? "" : i.format(i.targetValue(), t.locale());
        String suffix = i.targetValue() == null ? "" : ".value";
        try {
            return t.get("map.target." + i.direction().apiName() + suffix, value);
        } catch (java.util.MissingResourceException unknown) {
            try {
                return t.get("review.target." + i.direction().apiName() + suffix, value);
            } catch (java.util.MissingResourceException none) {
                return value;
            }
        }
    }

    private static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, Math.max(1, chars - 1)) + "…";
    }
}
