package se.planpuls.api.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import se.planpuls.api.http.SpreadsheetCells;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.ImportException.Problem;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.PlanDocument;

/**
 * A plan as CSV, one row per item. The plan's and an area's own cells (name, organisation, period,
 * effect goals, goal image) may be left empty after the first row that gives them. Lists in a cell
 * are separated by {@code |}: effects as {@code inv,sys: text}, dependencies as {@code CODE [source]}.
 * Problems name the row (the header is row 1) and the column.
 */
final class PlanCsvFormat {
    static final List<String> COLUMNS = List.of("plan_slug", "plan_name", "organisation", "period_start",
            "period_end", "effect_goals", "area_group", "area", "area_name", "area_goal_image", "kind", "code", "title",
            "description", "reached_when", "due", "date_uncertain", "report_to", "frequency", "starts_on",
            "owner_email", "owner_name", "effects", "depends_on", "parent", "ongoing", "times_per_year", "owner_group",
            "unit", "baseline", "baseline_date", "target", "target_date", "target_direction");
    /** An indicator's columns; any of them on a row makes the row's definition. */
    private static final List<String> INDICATOR_COLUMNS = List.of("unit", "baseline", "baseline_date", "target",
            "target_date", "target_direction");
    private static final Set<String> REQUIRED = Set.of("plan_slug", "area_group", "area", "code", "title", "due");
    private static final Pattern EFFECT = Pattern.compile("^((?:inv|sys|vsh)(?:\\s*,\\s*(?:inv|sys|vsh))*)\\s*:\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("^([^\\[\\]]+?)\\s*(?:\\[([^\\]]*)\\])?$");
    private static final int MAX_ROWS = 10_000;

    PlanDocument read(String body) {
        List<Problem> problems = new ArrayList<>();
        List<CSVRecord> records;
        String text = body == null ? "" : body.startsWith("\uFEFF") ? body.substring(1) : body;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(separator(text)).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(false).build()
                .parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            for (String name : header) {
                if (!COLUMNS.contains(name)) {
                    problems.add(new Problem("row 1." + name, "unknown column '" + name + "'; allowed: "
                            + String.join(", ", COLUMNS)));
                }
            }
            for (String required : REQUIRED) {
                if (!header.contains(required)) {
                    problems.add(new Problem("row 1." + required, "the column '" + required + "' is required"));
                }
            }
            if (!problems.isEmpty()) {
                throw new ImportException(problems);
            }
            records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() >= MAX_ROWS) {
                    throw new ImportException(List.of(new Problem("body", "at most " + MAX_ROWS + " rows")));
                }
                records.add(record);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ImportException(List.of(new Problem("body", malformed(e))));
        }
        if (records.isEmpty()) {
            throw new ImportException(List.of(new Problem("body", "the CSV has no item rows")));
        }
        Map<String, String> sticky = new LinkedHashMap<>();
        Map<String, Map<String, List<PlanDocument.Item>>> itemsByGroupArea = new LinkedHashMap<>();
        Map<String, String[]> areaInfo = new LinkedHashMap<>();
        Map<String, String> areaRow = new LinkedHashMap<>();
        List<PlanDocument.Dependency> dependencies = new ArrayList<>();
        for (CSVRecord record : records) {
            String row = "row " + (record.getRecordNumber() + 1) + ".";
            if (!record.isConsistent()) {
                problems.add(new Problem(row.substring(0, row.length() - 1), "the row has " + record.size()
                        + " cells but the header has " + record.getParser().getHeaderNames().size()));
                continue;
            }
            for (String column : List.of("plan_slug", "plan_name", "organisation", "period_start", "period_end",
                    "effect_goals")) {
                String value = cell(record, column);
                if (value != null) {
                    String before = sticky.putIfAbsent(column, value);
                    if (before != null && !before.equals(value)) {
                        problems.add(new Problem(row + column, column + " differs from an earlier row: one plan per file"));
                    }
                }
            }
            String group = cell(record, "area_group");
            String area = cell(record, "area");
            if (group == null) {
                problems.add(new Problem(row + "area_group", "area_group is required"));
            }
            if (area == null) {
                problems.add(new Problem(row + "area", "area is required"));
            }
            if (group == null || area == null) {
                continue;
            }
            String[] info = areaInfo.computeIfAbsent(area, k -> new String[] {group, null, null});
            areaRow.putIfAbsent(area, row);
            if (!info[0].equals(group)) {
                problems.add(new Problem(row + "area_group", "area " + area + " is in group " + info[0] + " on an earlier row"));
            }
            info[1] = info[1] == null ? cell(record, "area_name") : info[1];
            info[2] = info[2] == null ? cell(record, "area_goal_image") : info[2];
            itemsByGroupArea.computeIfAbsent(group, k -> new LinkedHashMap<>())
                    .computeIfAbsent(area, k -> new ArrayList<>()).add(item(record, row, problems));
            String code = cell(record, "code");
            String deps = cell(record, "depends_on");
            if (deps != null) {
                for (String dep : deps.split("\\|")) {
                    Matcher m = DEPENDENCY.matcher(dep.strip());
                    if (dep.isBlank() || !m.matches()) {
                        problems.add(new Problem(row + "depends_on", "depends_on is a list of codes as 'CODE [source] | CODE'"));
                    } else {
                        dependencies.add(new PlanDocument.Dependency(row + "depends_on.", code, m.group(1).strip(),
                                m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip()));
                    }
                }
            }
        }
        Integer periodStart = year(sticky.get("period_start"), "period_start", problems);
        Integer periodEnd = year(sticky.get("period_end"), "period_end", problems);
        if (!problems.isEmpty()) {
            throw new ImportException(problems.subList(0, Math.min(50, problems.size())));
        }
        List<PlanDocument.Group> groups = new ArrayList<>();
        itemsByGroupArea.forEach((group, areas) -> {
            List<PlanDocument.Area> docAreas = new ArrayList<>();
            areas.forEach((code, items) -> {
                String[] info = areaInfo.get(code);
                docAreas.add(new PlanDocument.Area(areaRow.get(code), code, info[1] == null ? code : info[1], info[2], items));
            });
            groups.add(new PlanDocument.Group(areaRow.get(areas.keySet().iterator().next()), group, docAreas));
        });
        String goals = sticky.get("effect_goals");
        return new PlanDocument(sticky.get("plan_slug"), sticky.get("plan_name"), sticky.get("organisation"),
                periodStart == null ? 0 : periodStart, periodEnd == null ? 0 : periodEnd,
                goals == null ? List.of() : Arrays.stream(goals.split("\\|")).map(String::strip).toList(),
                groups, dependencies);
    }

    /**
     * The file's text: UTF-8 (Excel's "CSV UTF-8", with or without its byte order mark) when the
     * bytes are valid UTF-8, else Windows-1252, which is what Swedish Excel's plain "CSV" is saved in.
     * A Windows-1252 file is never valid UTF-8 once it holds an å, ä or ö, so the two are not confused.
     */
    static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    /**
     * Excel in Swedish saves "CSV" with semicolons (the comma is the decimal sign), in English with
     * commas: the header, whose names contain neither, says which.
     */
    private static char separator(String text) {
        String header = text.lines().findFirst().orElse("");
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    /** A parser's complaint in the file's terms: which line, and the usual cause. Never a class name. */
    private static String malformed(Exception e) {
        Matcher line = Pattern.compile("line:? ?(\\d+)").matcher(String.valueOf(e.getMessage()));
        String where = line.find() ? " near line " + line.group(1) : "";
        if (String.valueOf(e.getMessage()).contains("duplicate name")) {
            return "the header names a column twice";
        }
        return "the body is not valid CSV" + where
                + ": a cell in quotes must end with a quote right before the next separator or line end";
    }

    private static PlanDocument.Item item(CSVRecord record, String row, List<Problem> problems) {
        String rawKind = cell(record, "kind");
        ItemKind kind = rawKind == null ? ItemKind.MILESTONE : ItemKind.parse(rawKind).orElse(null);
        if (kind == null) {
            problems.add(new Problem(row + "kind", "kind must be milestone, assignment, recurring or indicator"));
            kind = ItemKind.MILESTONE;
        }
        Integer dueYear = null;
        java.time.LocalDate dueDate = null;
        String due = cell(record, "due");
        ItemShapeDoc shape = ItemShapeCells.read(column -> cell(record, column), row, due, problems);
        if (shape.ongoing() && (due == null || ItemShapeCells.ongoingWord(due))) {
            due = null;
        } else if (due == null) {
            problems.add(new Problem(row + "due", "due is required: a year (2025) or a date (2025-06-30)"));
        } else if (due.matches("\\d{4}")) {
            dueYear = Integer.parseInt(due);
        } else {
            dueDate = PlanJsonFormat.date(due, row + "due", problems);
            dueYear = dueDate == null ? null : dueDate.getYear();
        }
        Frequency frequency = null;
        String rawFrequency = cell(record, "frequency");
        if (rawFrequency != null) {
            frequency = Frequency.parse(rawFrequency).orElse(null);
            if (frequency == null) {
                problems.add(new Problem(row + "frequency", "frequency must be monthly, quarterly, half_yearly or yearly"));
            }
        }
        String uncertain = cell(record, "date_uncertain");
        if (uncertain != null && !uncertain.equalsIgnoreCase("true") && !uncertain.equalsIgnoreCase("false")) {
            problems.add(new Problem(row + "date_uncertain", "date_uncertain must be true or false"));
        }
        List<PlanDocument.EffectDoc> effects = new ArrayList<>();
        String rawEffects = cell(record, "effects");
        if (rawEffects != null) {
            for (String effect : rawEffects.split("\\|")) {
                Matcher m = EFFECT.matcher(effect.strip());
                if (m.matches()) {
                    effects.add(new PlanDocument.EffectDoc(m.group(2).strip(),
                            Arrays.stream(m.group(1).split(",")).map(String::strip).toList()));
                } else {
                    effects.add(new PlanDocument.EffectDoc(effect.strip(), List.of()));
                }
            }
        }
        return new PlanDocument.Item(row, cell(record, "code"), kind, cell(record, "title"), cell(record, "description"),
                cell(record, "reached_when"), dueYear, dueDate, "true".equalsIgnoreCase(uncertain),
                shape.reportTo().isEmpty() ? cell(record, "report_to") : shape.firstReportTo(), frequency,
                PlanJsonFormat.date(cell(record, "starts_on"), row + "starts_on", problems),
                cell(record, "owner_email"), cell(record, "owner_name"), effects, shape,
                indicator(record, row, problems));
    }

    /** The row's indicator, or null when it has none of the indicator's cells. */
    private static se.planpuls.domain.Indicator indicator(CSVRecord record, String row, List<Problem> problems) {
        if (INDICATOR_COLUMNS.stream().allMatch(column -> cell(record, column) == null)) {
            return null;
        }
        String rawDirection = cell(record, "target_direction");
        var direction = rawDirection == null ? null
                : se.planpuls.domain.IndicatorDirection.parse(rawDirection).orElse(null);
        if (rawDirection != null && direction == null) {
            problems.add(new Problem(row + "target_direction",
                    "target_direction must be one of " + se.planpuls.domain.IndicatorDirection.CHOICES));
        }
        return new se.planpuls.domain.Indicator(cell(record, "unit"), number(record, row, "baseline", problems),
                PlanJsonFormat.date(cell(record, "baseline_date"), row + "baseline_date", problems),
                number(record, row, "target", problems),
                PlanJsonFormat.date(cell(record, "target_date"), row + "target_date", problems), direction);
    }

    /** A number with a decimal point or, as Swedish Excel writes it, a decimal comma. */
    private static java.math.BigDecimal number(CSVRecord record, String row, String column, List<Problem> problems) {
        String value = cell(record, column);
        if (value == null) {
            return null;
        }
        String plain = value.replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (!plain.matches("[+-]?\\d{1,15}(\\.\\d{1,10})?")) {
            problems.add(new Problem(row + column, column + " must be a number such as 77 or 85,5"));
            return null;
        }
        return new java.math.BigDecimal(plain);
    }

    private static Integer year(String value, String column, List<Problem> problems) {
        if (value == null || !value.matches("\\d{4}")) {
            problems.add(new Problem("row 2." + column, column + " is required on the first row: a year such as 2024"));
            return null;
        }
        return Integer.parseInt(value);
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : SpreadsheetCells.undo(value.strip());
    }

    String write(PlanDocument doc) {
        StringWriter out = new StringWriter();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (var d : doc.dependencies()) {
            deps.computeIfAbsent(d.milestone(), k -> new ArrayList<>())
                    .add(d.source() == null ? d.dependsOn() : d.dependsOn() + " [" + d.source() + "]");
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).build())) {
            boolean first = true;
            for (var group : doc.groups()) {
                for (var area : group.areas()) {
                    boolean firstOfArea = true;
                    for (var item : area.items()) {
                        printer.printRecord(withIndicator(item.indicator(), defused(doc.slug(), first ? doc.name() : "", first ? doc.organisation() : "",
                                doc.periodStart(), doc.periodEnd(), first ? String.join(" | ", doc.effectGoals()) : "",
                                group.name(), area.code(), firstOfArea ? area.name() : "",
                                firstOfArea && area.goalImage() != null ? area.goalImage() : "",
                                item.kind().apiName(), item.code(), item.title(), nullToEmpty(item.description()),
                                nullToEmpty(item.reachedWhen()),
                                item.dueDate() != null ? item.dueDate().toString()
                                        : item.dueYear() == null ? "" : String.valueOf(item.dueYear()),
                                item.dateUncertain(), ItemShapeCells.reportTo(item),
                                item.frequency() == null ? "" : item.frequency().apiName(),
                                item.startsOn() == null ? "" : item.startsOn().toString(), nullToEmpty(item.ownerEmail()),
                                nullToEmpty(item.ownerName()),
                                String.join(" | ", item.effects().stream().map(e -> e.audiences().isEmpty() ? e.text()
                                        : String.join(",", e.audiences()) + ": " + e.text()).toList()),
                                String.join(" | ", deps.getOrDefault(item.code(), List.of())),
                                ItemShapeCells.parent(item), ItemShapeCells.ongoing(item),
                                ItemShapeCells.timesPerYear(item), ItemShapeCells.ownerGroup(item))));
                        first = false;
                        firstOfArea = false;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A row's cells followed by its indicator's, in {@link #INDICATOR_COLUMNS} order (empty for another item). */
    private static Object[] withIndicator(se.planpuls.domain.Indicator i, Object[] cells) {
        Object[] all = Arrays.copyOf(cells, cells.length + INDICATOR_COLUMNS.size());
        Object[] own = i == null ? new Object[] {"", "", "", "", "", ""} : defused(i.unit(), plain(i.baselineValue()), i.baselineDate() == null ? "" : i.baselineDate().toString(),
                plain(i.targetValue()), i.targetDate() == null ? "" : i.targetDate().toString(), i.direction().apiName());
        System.arraycopy(own, 0, all, cells.length, own.length);
        return all;
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Every cell as a spreadsheet may safely open it; {@link #cell} undoes it on import. */
    static Object[] defused(Object... cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i] instanceof String text ? SpreadsheetCells.defuse(text) : cells[i];
        }
        return out;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
