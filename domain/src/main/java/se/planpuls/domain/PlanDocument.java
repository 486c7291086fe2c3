package se.planpuls.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole plan as it is imported and exported (JSON or CSV), keyed by codes rather than ids so that
 * it moves between databases. Each item carries {@code where}: the row or JSON path it came from,
 * so a problem can name it.
 */
public record PlanDocument(String slug, String name, String organisation, int periodStart, int periodEnd,
                           List<String> effectGoals, List<Group> groups, List<Dependency> dependencies) {

    public PlanDocument {
        effectGoals = effectGoals == null ? List.of() : List.copyOf(effectGoals);
        groups = groups == null ? List.of() : List.copyOf(groups);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    public record Group(String where, String name, List<Area> areas) {
        public Group {
            areas = areas == null ? List.of() : List.copyOf(areas);
        }
    }

    public record Area(String where, String code, String name, String goalImage, List<Item> items) {
        public Area {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * One item. {@code dueYear} may be null when {@code dueDate} is set. The owner is named by
     * e-mail; an owner not yet known is created with {@code ownerName}. {@code shape}: parent, ongoing,
     * count, report-to bodies and owner group. {@code indicator}: an indicator's definition, null for
     * the other kinds.
     */
    public record Item(String where, String code, ItemKind kind, String title, String description,
                       String reachedWhen, Integer dueYear, LocalDate dueDate, boolean dateUncertain, String reportTo,
                       Frequency frequency, LocalDate startsOn, String ownerEmail, String ownerName,
                       List<EffectDoc> effects, ItemShapeDoc shape, Indicator indicator) {
        public Item {
            effects = effects == null ? List.of() : List.copyOf(effects);
            shape = shape == null ? ItemShapeDoc.NONE : shape;
        }

        /** An item of the plain shape, not an indicator. */
        public Item(String where, String code, ItemKind kind, String title, String description,
                    String reachedWhen, Integer dueYear, LocalDate dueDate, boolean dateUncertain, String reportTo,
                    Frequency frequency, LocalDate startsOn, String ownerEmail, String ownerName,
                    List<EffectDoc> effects) {
            this(where, code, kind, title, description, reachedWhen, dueYear, dueDate, dateUncertain, reportTo,
                    frequency, startsOn, ownerEmail, ownerName, effects, ItemShapeDoc.NONE, null);
        }

        /** An item of the given shape, not an indicator. */
        public Item(String where, String code, ItemKind kind, String title, String description,
                    String reachedWhen, Integer dueYear, LocalDate dueDate, boolean dateUncertain, String reportTo,
                    Frequency frequency, LocalDate startsOn, String ownerEmail, String ownerName,
                    List<EffectDoc> effects, ItemShapeDoc shape) {
            this(where, code, kind, title, description, reachedWhen, dueYear, dueDate, dateUncertain, reportTo,
                    frequency, startsOn, ownerEmail, ownerName, effects, shape, null);
        }
    }

    public record EffectDoc(String text, List<String> audiences) {
        public EffectDoc {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    /** {@code basis}: the plan's own sentence that makes the one a precondition of the other. */
    public record Dependency(String where, String milestone, String dependsOn, String source, String basis) {
        public Dependency(String where, String milestone, String dependsOn, String source) {
            this(where, milestone, dependsOn, source, null);
        }
    }

    /** Every item, in file order. */
    public List<Item> items() {
        return groups.stream().flatMap(g -> g.areas().stream()).flatMap(a -> a.items().stream()).toList();
    }
}
