package se.planpuls.db;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.planpuls.domain.Area;
import se.planpuls.domain.Effect;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.PlanSummary;
import se.planpuls.domain.rules.ItemRules;

/**
 * What a plan document changes in the stored plan: the plan's header, an area, an item field by
 * field. Plain comparisons over what the import read; an item that is already as the file says
 * differs in nothing, so importing the same file twice writes nothing.
 */
final class PlanDiff {
    private PlanDiff() {
    }

    static boolean headerChanged(PlanSummary stored, PlanDocument doc) {
        return !stored.name().equals(doc.name().strip()) || !stored.organisation().equals(doc.organisation().strip())
                || stored.periodStart() != doc.periodStart() || stored.periodEnd() != doc.periodEnd();
    }

    static boolean areaChanged(Area stored, long groupId, PlanDocument.Area area) {
        return stored.groupId() != groupId || !stored.name().equals(area.name().strip())
                || !Objects.equals(stored.goalImage(), goalImage(area));
    }

    /** An area's goal image as stored: null for none. */
    static String goalImage(PlanDocument.Area area) {
        return area.goalImage() == null || area.goalImage().isBlank() ? null : area.goalImage();
    }

    /** The fields in which the stored item differs from what the file wants, in a fixed order. */
    static List<String> itemFields(StoredItem stored, WantedItem wanted) {
        Milestone before = stored.milestone();
        List<String> fields = new ArrayList<>();
        diff(fields, "area", before.areaId(), wanted.areaId());
        diff(fields, "position", before.position(), wanted.position());
        diff(fields, "title", before.title(), wanted.title());
        diff(fields, "description", before.description(), wanted.description());
        diff(fields, "reachedWhen", before.reachedWhen(), wanted.reachedWhen());
        diff(fields, "dueYear", before.dueYear(), wanted.dueYear());
        diff(fields, "dueDate", before.dueDate(), wanted.dueDate());
        diff(fields, "dateUncertain", before.dateUncertain(), wanted.dateUncertain());
        diff(fields, "owner", before.ownerId(), wanted.ownerId());
        diff(fields, "kind", before.kind(), wanted.kind());
        diff(fields, "reportTo", before.reportTo(), wanted.reportTo());
        diff(fields, "frequency", before.frequency(), wanted.frequency());
        diff(fields, "startsOn", before.startsOn(), wanted.startsOn());
        ItemShape shape = before.shape();
        diff(fields, "ongoing", shape.ongoing(), wanted.shape().ongoing());
        diff(fields, "timesPerYear", shape.timesPerYear(), wanted.shape().timesPerYear());
        diff(fields, "reportToBodies", shape.reportTo(), wanted.shape().reportTo());
        diff(fields, "ownerGroup", shape.ownerGroupId(), wanted.shape().ownerGroupId());
        if (stored.deleted()) {
            fields.add("restored");
        }
        if (effectsChanged(stored, wanted)) {
            fields.add("effects");
        }
        return fields;
    }

    static boolean effectsChanged(StoredItem stored, WantedItem wanted) {
        return !stored.effects().equals(wanted.effects());
    }

    private static void diff(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    /** An item as stored: the item, whether it was deleted, and its effects as the file would write them. */
    record StoredItem(Milestone milestone, boolean deleted, List<PlanDocument.EffectDoc> effects) {
        static StoredItem of(Milestone milestone, boolean deleted, List<Effect> effects) {
            return new StoredItem(milestone, deleted, effects.stream()
                    .map(e -> new PlanDocument.EffectDoc(e.text(), e.audiences().stream().sorted().toList()))
                    .toList());
        }
    }

    /** An item as the file wants it stored: trimmed, defaults filled in, placed in its area. */
    record WantedItem(String code, long areaId, int position, String title, String description, String reachedWhen,
                      int dueYear, LocalDate dueDate, boolean dateUncertain, Long ownerId, ItemKind kind,
                      String reportTo, Frequency frequency, LocalDate startsOn, List<PlanDocument.EffectDoc> effects,
                      ItemShape shape) {

        /**
         * {@code ownerGroupId} stands in the owner's place; an ongoing item without a due year is
         * placed at the end of the plan's period ({@code periodEnd}). The parent is set apart.
         */
        static WantedItem of(PlanDocument.Item item, long areaId, int position, Long ownerId, Long ownerGroupId,
                             int periodEnd) {
            var shape = item.shape();
            int dueYear = item.dueYear() != null ? item.dueYear()
                    : item.dueDate() != null ? item.dueDate().getYear() : periodEnd;
            String description = item.description() == null ? "" : item.description().strip();
            return new WantedItem(item.code(), areaId, position, item.title().strip(), description,
                    // No criterion in the file: none is stored; the description stands, shown as such.
                    item.reachedWhen() == null || item.reachedWhen().isBlank() ? "" : item.reachedWhen().strip(),
                    dueYear, item.dueDate(),
                    item.dateUncertain(), ownerId, item.kind(),
                    shape.reportTo().isEmpty() ? ItemRules.blankToNull(item.reportTo()) : shape.firstReportTo(),
                    item.frequency(), item.startsOn(), item.effects().stream()
                            .map(e -> new PlanDocument.EffectDoc(e.text().strip(), e.audiences().stream().sorted()
                                    .toList()))
                            .toList(),
                    new ItemShape(null, shape.ongoing(), shape.timesPerYear(), shape.reportTo().isEmpty()
                            ? (ItemRules.blankToNull(item.reportTo()) == null ? List.of()
                            : List.of(item.reportTo().strip())) : shape.reportTo(), ownerGroupId));
        }
    }
}
