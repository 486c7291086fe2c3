package se.planpuls.api.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.planpuls.api.http.JsonWords;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.PlanDocument;

/**
 * A plan as JSON: the shape of the bundled default plan (groups, areas, milestones, dependencies)
 * with the item kind fields added. Reading names the JSON path of every problem.
 */
final class PlanJsonFormat {
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanJ(String slug, String name, String organisation, Integer periodStart, Integer periodEnd,
                 List<String> effectGoals, List<GroupJ> groups, List<DependencyJ> dependencies) {
    }

    record GroupJ(String name, List<AreaJ> areas) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AreaJ(String code, String name, String goalImage, List<ItemJ> milestones) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemJ(String code, String kind, String title, String description, String reachedWhen, Integer dueYear,
                 String dueDate, Boolean dateUncertain, Object reportTo, String frequency, String startsOn,
                 String ownerEmail, String ownerName, List<EffectJ> effects, String parent, Boolean ongoing,
                 TimesPerYearJ timesPerYear, String ownerGroup, IndicatorJ indicator) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimesPerYearJ(Integer min, Integer max) {
    }

    /** An indicator's definition: numbers as JSON numbers, dates as YYYY-MM-DD. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndicatorJ(String unit, java.math.BigDecimal baseline, String baselineDate, java.math.BigDecimal target,
                      String targetDate, String direction) {
    }

    record EffectJ(String text, List<String> audiences) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DependencyJ(String milestone, String dependsOn, String source, String reason, String basis) {
    }

    PlanDocument read(String body) {
        PlanJ plan;
        try {
            plan = mapper.readValue(body == null ? "" : body, PlanJ.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw new ImportException(List.of(new Problem(path.isEmpty() ? "body" : path, JsonWords.mapping(e, path))));
        } catch (JsonProcessingException e) {
            throw new ImportException(List.of(new Problem("body", JsonWords.syntax(e))));
        }
        if (plan == null) {
            throw new ImportException(List.of(new Problem("body", "the body must be a JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        List<PlanDocument.Group> groups = new ArrayList<>();
        List<GroupJ> groupList = plan.groups() == null ? List.of() : plan.groups();
        for (int g = 0; g < groupList.size(); g++) {
            String gAt = "groups[" + g + "].";
            GroupJ group = groupList.get(g);
            if (group == null) {
                problems.add(new Problem("groups[" + g + "]", "an area group must be an object"));
                continue;
            }
            List<PlanDocument.Area> areas = new ArrayList<>();
            List<AreaJ> areaList = group.areas() == null ? List.of() : group.areas();
            for (int a = 0; a < areaList.size(); a++) {
                String aAt = gAt + "areas[" + a + "].";
                AreaJ area = areaList.get(a);
                if (area == null) {
                    problems.add(new Problem(gAt + "areas[" + a + "]", "an area must be an object"));
                    continue;
                }
                List<PlanDocument.Item> items = new ArrayList<>();
                List<ItemJ> itemList = area.milestones() == null ? List.of() : area.milestones();
                for (int i = 0; i < itemList.size(); i++) {
                    String at = aAt + "milestones[" + i + "].";
                    ItemJ item = itemList.get(i);
                    if (item == null) {
                        problems.add(new Problem(aAt + "milestones[" + i + "]", "an item must be an object"));
                        continue;
                    }
                    items.add(item(item, at, problems));
                }
                areas.add(new PlanDocument.Area(aAt, area.code(), area.name(), area.goalImage(), items));
            }
            groups.add(new PlanDocument.Group(gAt, group.name(), areas));
        }
        List<PlanDocument.Dependency> dependencies = new ArrayList<>();
        List<DependencyJ> depList = plan.dependencies() == null ? List.of() : plan.dependencies();
        for (int d = 0; d < depList.size(); d++) {
            DependencyJ dep = depList.get(d);
            if (dep == null) {
                problems.add(new Problem("dependencies[" + d + "]", "a dependency must be an object"));
                continue;
            }
            dependencies.add(new PlanDocument.Dependency("dependencies[" + d + "].", dep.milestone(), dep.dependsOn(),
                    dep.source(), dep.basis()));
        }
        if (plan.periodStart() == null) {
            problems.add(new Problem("periodStart", "periodStart is required"));
        }
        if (plan.periodEnd() == null) {
            problems.add(new Problem("periodEnd", "periodEnd is required"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return new PlanDocument(plan.slug(), plan.name(), plan.organisation(), plan.periodStart(), plan.periodEnd(),
                plan.effectGoals(), groups, dependencies);
    }

    private static PlanDocument.Item item(ItemJ item, String at, List<Problem> problems) {
        ItemKind kind = item.kind() == null ? ItemKind.MILESTONE : ItemKind.parse(item.kind()).orElse(null);
        if (kind == null) {
            problems.add(new Problem(at + "kind", "kind must be milestone, assignment, recurring or indicator"));
            kind = ItemKind.MILESTONE;
        }
        Frequency frequency = null;
        if (item.frequency() != null) {
            frequency = Frequency.parse(item.frequency()).orElse(null);
            if (frequency == null) {
                problems.add(new Problem(at + "frequency", "frequency must be monthly, quarterly, half_yearly or yearly"));
            }
        }
        List<PlanDocument.EffectDoc> effects = new ArrayList<>();
        List<EffectJ> effectList = item.effects() == null ? List.of() : item.effects();
        for (int e = 0; e < effectList.size(); e++) {
            EffectJ effect = effectList.get(e);
            if (effect == null || effect.audiences() != null && effect.audiences().contains(null)) {
                problems.add(new Problem(at + "effects[" + e + "]", "an effect is an object with text and audiences"));
                continue;
            }
            effects.add(new PlanDocument.EffectDoc(effect.text(), effect.audiences()));
        }
        return new PlanDocument.Item(at, item.code(), kind, item.title(), item.description(), item.reachedWhen(),
                item.dueYear(), date(item.dueDate(), at + "dueDate", problems),
                Boolean.TRUE.equals(item.dateUncertain()), ItemShapeJson.firstReportTo(item.reportTo()), frequency,
                date(item.startsOn(), at + "startsOn", problems), item.ownerEmail(), item.ownerName(), effects,
                ItemShapeJson.read(item, at, problems), indicator(item.indicator(), at + "indicator.", problems));
    }

    private static se.planpuls.domain.Indicator indicator(IndicatorJ i, String at, List<Problem> problems) {
        if (i == null) {
            return null;
        }
        var direction = i.direction() == null ? null : se.planpuls.domain.IndicatorDirection.parse(i.direction())
                .orElse(null);
        if (i.direction() != null && direction == null) {
            problems.add(new Problem(at + "direction", "direction must be one of " + se.planpuls.domain.IndicatorDirection.CHOICES));
        }
        return new se.planpuls.domain.Indicator(i.unit(), i.baseline(), date(i.baselineDate(), at + "baselineDate",
                problems), i.target(), date(i.targetDate(), at + "targetDate", problems), direction);
    }

    static LocalDate date(String value, String field, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, field.replaceAll(".*\\.", "") + " must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    String write(PlanDocument doc) {
        var groups = doc.groups().stream().map(g -> new GroupJ(g.name(), g.areas().stream()
                .map(a -> new AreaJ(a.code(), a.name(), a.goalImage(), a.items().stream().map(PlanJsonFormat::itemJ)
                        .toList())).toList())).toList();
        var deps = doc.dependencies().stream()
                .map(d -> new DependencyJ(d.milestone(), d.dependsOn(), d.source(), null, d.basis())).toList();
        try {
            return mapper.writeValueAsString(new PlanJ(doc.slug(), doc.name(), doc.organisation(), doc.periodStart(),
                    doc.periodEnd(), doc.effectGoals(), groups, deps));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the plan as JSON", e);
        }
    }

    private static ItemJ itemJ(PlanDocument.Item i) {
        return new ItemJ(i.code(), i.kind().apiName(), i.title(), i.description(), i.reachedWhen(), i.dueYear(),
                i.dueDate() == null ? null : i.dueDate().toString(), i.dateUncertain(), ItemShapeJson.reportTo(i),
                i.frequency() == null ? null : i.frequency().apiName(),
                i.startsOn() == null ? null : i.startsOn().toString(), i.ownerEmail(), i.ownerName(),
                i.effects().stream().map(e -> new EffectJ(e.text(), e.audiences())).toList(),
                i.shape().parent(), i.shape().ongoing() ? Boolean.TRUE : null, ItemShapeJson.timesPerYear(i),
                i.shape().ownerGroup(), indicatorJ(i.indicator()));
    }

    private static IndicatorJ indicatorJ(se.planpuls.domain.Indicator i) {
        return i == null ? null : new IndicatorJ(i.unit(), i.baselineValue(),
                i.baselineDate() == null ? null : i.baselineDate().toString(), i.targetValue(),
                i.targetDate() == null ? null : i.targetDate().toString(), i.direction().apiName());
    }
}
