package se.planpuls.api.leadership;

import static se.planpuls.api.http.PageTexts.html;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.PlanDetail;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * The annual review as the board reads it, one HTML page that the browser shows and the PDF is
 * rendered from: title, summary, the strategic map, the status table (as a list, each area named
 * once, or as {@code 003}'s matrix of years), the assessment, målbild and effects per area, and
 * the footnote for uncertain dates. Written as well-formed XHTML, which the PDF renderer needs.
 */
final class AnnualReviewPage {
    /** The two layouts of the status table: one row per milestone, or areas by the plan's years. */
    enum Layout { LIST, MATRIX }

    static final String DOT = "\u25CF";
    /** The PDF's embedded face first; a browser falls through to a font of its own. */
    private static final String FONTS = "'Planpuls Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";
    /** Each status colour's fill, as the page, the PDF and the workbook paint it. */
    static final Map<String, String> FILL = Map.of("green", "2E9E4F", "yellow", "F4C430", "red", "D9413B",
            "grey", "C9CCD1");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingCalendar.ZONE);

    private AnnualReviewPage() {
    }

    /**
     * What the review shows of the plan's own text beside the review's figures: the long-term goal,
     * each group's effect goals (as the plan's Figur 1) and each milestone, for how it is judged reached.
     */
    record PlanText(String longTermGoal, Map<String, List<String>> groupGoals, Map<String, Milestone> milestones) {
        static final PlanText NONE = new PlanText(null, Map.of(), Map.of());

        static PlanText of(PlanDetail plan) {
            Map<String, List<String>> goals = new java.util.HashMap<>();
            Map<String, Milestone> milestones = new java.util.HashMap<>();
            for (PlanDetail.GroupDetail g : plan.groups()) {
                goals.put(g.group().name(), g.effectGoals());
                g.areas().forEach(a -> a.milestones().forEach(v -> milestones.put(v.milestone().code(), v.milestone())));
            }
            return new PlanText(plan.longTermGoal(), goals, milestones);
        }
    }

    static String render(AnnualReview review, PageTexts t, Layout layout, String mapSource) {
        return render(review, t, layout, mapSource, PlanText.NONE, null);
    }

    /**
     * {@code mapSource}: where the map picture is read from (a keyed link, or a data URI in the PDF); null
     * leaves it out. {@code chartSource} gives where each indicator's sparkline is read from, the same way.
     */
    static String render(AnnualReview review, PageTexts t, Layout layout, String mapSource, PlanText plan,
                         java.util.function.Function<AnnualReview.IndicatorRow, String> chartSource) {
        StringBuilder s = new StringBuilder(32_000);
        String title = t.get("review.title", review.planName(), String.valueOf(review.year()));
        s.append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(html(title))
                .append("</title>\n<style>\n").append(style(t)).append("</style>\n</head>\n<body>\n");
        s.append("<div class=\"title\">\n<h1>").append(html(title)).append("</h1>\n");
        if (review.organisation() != null && !review.organisation().isBlank()) {
            s.append("<p>").append(html(t.get("review.organisation", review.organisation()))).append("</p>\n");
        }
        s.append("<p class=\"asof\">").append(html(review.snapshot()
                        ? t.get("review.subtitle.snapshot", STAMP.format(review.takenAt()), review.asOf().toString())
                        : t.get("review.subtitle.live", review.asOf().toString())))
                .append("</p>\n");
        if (plan.longTermGoal() != null && !plan.longTermGoal().isBlank()) {
            s.append("<p class=\"goal\">").append(html(t.get("review.longTermGoal", plan.longTermGoal())))
                    .append("</p>\n");
        }
        s.append("</div>\n");
        if (review.notes().summary() != null) {
            s.append("<h2>").append(html(t.get("review.summary"))).append("</h2>\n");
            paragraphs(s, "summary", review.notes().summary());
        }
        if (mapSource != null) {
            s.append("<h2 class=\"break\">").append(html(t.get("review.map"))).append("</h2>\n<img class=\"map\" src=\"")
                    .append(html(mapSource)).append("\" alt=\"").append(html(t.get("review.map"))).append("\"/>\n");
        }
        s.append("<h2 class=\"break\">").append(html(t.get("review.table"))).append("</h2>\n<p>")
                .append(html(t.get("review.legend"))).append("</p>\n");
        if (layout == Layout.MATRIX) {
            matrix(s, review, t);
        } else {
            list(s, review, t, plan);
        }
        if (review.entries().stream().anyMatch(AnnualReview.Entry::dateUncertain)) {
            s.append("<p class=\"footnote\">").append(html(t.get("review.uncertain"))).append("</p>\n");
        }
        indicators(s, review, t, chartSource);
        areas(s, review, t, plan);
        changes(s, review.changes(), t);
        s.append("</body>\n</html>\n");
        return s.toString();
    }

    private static String style(PageTexts t) {
        String page = t.get("review.page", "\" counter(page) \"", "\" counter(pages) \"");
        return "@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm;\n"
                + "  @bottom-center { content: \"" + page + "\"; font-family: " + FONTS + "; font-size: 9pt;"
                + " color: #57606a; } }\n"
                + "body { font-family: " + FONTS + "; margin: 0; color: #1f2328; font-size: 11pt; }\n"
                + "@media screen { body { margin: 24px; } }\n"
                + "h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 18px; } h3 { font-size: 12pt; }\n"
                + ".break { page-break-before: always; }\n"
                + "img.map { max-width: 100%; max-height: 150mm; }\n"
                + "table { border-collapse: collapse; width: 99.5%; font-size: 9.5pt; table-layout: fixed; }\n"
                + "table.list col.area { width: 15%; } table.list col.milestone { width: 31%; }"
                + " table.list col.year { width: 7%; } table.list col.status { width: 11%; }"
                + " table.list col.comment { width: 18%; } table.list col.effects { width: 18%; }\n"
                + "table.matrix th.area { width: 14%; }\n"
                + "th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }\n"
                + "thead th { background: #24405e; color: #fff; } tr.group th { background: #4b6a88; color: #fff; }\n"
                + "tr { page-break-inside: avoid; } thead { display: table-header-group; }\n"
                + "td.status { font-weight: bold; }\n"
                + "td.matrix div { min-height: 1.3em; padding: 1px 0; } td.matrix div.deliverable { padding-left: 12px; }\n"
                + ".green { background: #" + FILL.get("green") + "; color: #fff; } .yellow { background: #"
                + FILL.get("yellow") + "; }\n.red { background: #" + FILL.get("red") + "; color: #fff; } .grey { background: #"
                + FILL.get("grey") + "; }\n"
                + ".footnote { font-size: 9pt; color: #57606a; }\n"
                + "li.seen { font-weight: bold; } .area { page-break-inside: avoid; }\n"
                + "img.spark { width: 40mm; height: 10mm; } td.met { font-weight: bold; }\n"
                + "td.deliverable { padding-left: 20px; } div.detail { font-size: 8.5pt; color: #57606a; }\n"
                + "td.ongoing { font-style: italic; }\n";
    }

    /**
     * Per area, a table of its indicators: baseline, the last value of each period, target, the latest
     * value and whether it meets the target, and the sparkline.
     */
    private static void indicators(StringBuilder s, AnnualReview review, PageTexts t,
                                   java.util.function.Function<AnnualReview.IndicatorRow, String> chartSource) {
        if (review.indicators().isEmpty()) {
            return;
        }
        s.append("<h2 class=\"break\">").append(html(t.get("review.indicators"))).append("</h2>\n");
        for (AnnualReview.AreaPart area : review.areas()) {
            List<AnnualReview.IndicatorRow> rows = review.indicatorsOf(area.code());
            if (rows.isEmpty()) {
                continue;
            }
            s.append("<h3>").append(html(area.name())).append("</h3>\n<table class=\"indicators\">\n<thead><tr>");
            for (String key : new String[] {"review.indicator", "review.indicator.baseline", "review.indicator.values",
                "review.indicator.target", "review.indicator.latest", "review.indicator.met", "review.indicator.chart"}) {
                s.append("<th>").append(html(t.get(key))).append("</th>");
            }
            s.append("</tr></thead>\n<tbody>\n");
            for (AnnualReview.IndicatorRow row : rows) {
                var p = row.progress();
                var i = p.indicator();
                s.append("<tr data-code=\"").append(html(row.code())).append("\"><td><strong>").append(html(row.code()))
                        .append("</strong> ").append(html(row.title())).append("</td><td>")
                        .append(html(i.baselineValue() == null ? "–" : i.format(i.baselineValue(), t.locale())
                                + (i.baselineDate() == null ? "" : " (" + i.baselineDate() + ")")))
                        .append("</td><td>");
                p.perPeriod().forEach((start, value) -> s.append(html(se.planpuls.domain.IndicatorProgress
                        .periodLabel(p.frequency(), start))).append(": ").append(html(i.format(value, t.locale())))
                        .append("<br/>"));
                s.append("</td><td>").append(html(target(i, t))).append("</td><td>")
                        .append(html(p.latest() == null ? "–" : i.format(p.latestValue(), t.locale()) + " "
                                + p.trend().arrow()))
                        .append("</td><td class=\"met ").append(p.latest() == null ? "grey" : p.onTarget() ? "green" : "red")
                        .append("\">").append(html(t.get(p.latest() == null ? "review.indicator.noValue"
                                : p.onTarget() ? "review.yes" : "review.no"))).append("</td><td>");
                String chart = chartSource == null ? null : chartSource.apply(row);
                if (chart != null) {
                    s.append("<img class=\"spark\" src=\"").append(html(chart)).append("\" alt=\"")
                            .append(html(t.get("review.indicator.chartAlt", row.code()))).append("\"/>");
                }
                s.append("</td></tr>\n");
            }
            s.append("</tbody>\n</table>\n");
        }
    }

    /** An indicator's target in words: "minst 90 %", "öka jämfört med föregående period", with its date. */
    static String target(se.planpuls.domain.Indicator i, PageTexts t) {
        String value = i.targetValue() == null ? "" : i.format(i.targetValue(), t.locale());
        String text = t.get("review.target." + i.direction().apiName() + (i.targetValue() == null ? "" : ".value"), value);
        return i.targetDate() == null ? text : text + " " + t.get("review.target.by", i.targetDate().toString());
    }

    private static void list(StringBuilder s, AnnualReview review, PageTexts t, PlanText plan) {
        s.append("<table class=\"list\">\n<colgroup><col class=\"area\"/><col class=\"milestone\"/>"
                + "<col class=\"year\"/><col class=\"status\"/><col class=\"comment\"/><col class=\"effects\"/>"
                + "</colgroup>\n<thead><tr><th>").append(html(t.get("review.area"))).append("</th><th>")
                .append(html(t.get("review.milestone"))).append("</th><th>").append(html(t.get("review.year")))
                .append("</th><th>").append(html(t.get("review.status"))).append("</th><th>")
                .append(html(t.get("review.comment"))).append("</th><th>").append(html(t.get("review.effects")))
                .append("</th></tr></thead>\n<tbody>\n");
        String group = null;
        for (AnnualReview.AreaPart area : review.areas()) {
            List<AnnualReview.Entry> entries = review.entriesOf(area.code());
            if (entries.isEmpty()) {
                continue;
            }
            if (!area.groupName().equals(group)) {
                group = area.groupName();
                List<String> goals = plan.groupGoals().getOrDefault(group, List.of());
                s.append("<tr class=\"group\"><th colspan=\"6\">").append(html(group));
                if (!goals.isEmpty()) {
                    s.append(" <span class=\"goals\">– ").append(html(t.get("review.effectGoals",
                            String.join(", ", goals)))).append("</span>");
                }
                s.append("</th></tr>\n");
            }
            boolean first = true;
            for (AnnualReview.Entry e : entries) {
                s.append("<tr data-code=\"").append(html(e.milestoneCode())).append("\"");
                if (e.deliverable()) {
                    s.append(" class=\"deliverable\" data-parent=\"").append(html(e.shape().parentCode())).append('"');
                }
                s.append('>');
                if (first) {
                    s.append("<td class=\"area\" rowspan=\"").append(entries.size()).append("\">")
                            .append(html(area.name())).append("</td>");
                    first = false;
                }
                item(s, e, t);
                s.append("<td").append(e.shape().ongoing() ? " class=\"ongoing\"" : "").append('>')
                        .append(html(EntryTexts.due(e, t))).append("</td>");
                status(s, e, t);
                s.append("<td>").append(html(e.lastComment())).append("</td><td>");
                if (!e.effectsSeen().isEmpty()) {
                    s.append("<ul>");
                    e.effectsSeen().forEach(effect -> s.append("<li>").append(html(effect)).append("</li>"));
                    s.append("</ul>");
                }
                s.append("</td></tr>\n");
            }
        }
        s.append("</tbody>\n</table>\n");
    }

    /** {@code 003}'s figure: areas as rows, each year of the plan up to the review as "Milstolpar år | Status". */
    private static void matrix(StringBuilder s, AnnualReview review, PageTexts t) {
        Set<Integer> years = new TreeSet<>();
        review.entries().stream().filter(e -> !e.shape().ongoing()).forEach(e -> years.add(column(e, review)));
        // Ongoing items have no year: they stand in a column of their own after the years.
        boolean ongoing = review.entries().stream().anyMatch(e -> e.shape().ongoing());
        s.append("<table class=\"matrix\">\n<thead><tr><th class=\"area\">").append(html(t.get("review.area")))
                .append("</th>");
        for (int year : years) {
            s.append("<th>").append(html(t.get("review.matrix.milestones", String.valueOf(year)))).append("</th><th>")
                    .append(html(t.get("review.status"))).append("</th>");
        }
        if (ongoing) {
            s.append("<th>").append(html(t.get("review.ongoing"))).append("</th><th>")
                    .append(html(t.get("review.status"))).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (AnnualReview.AreaPart area : review.areas()) {
            List<AnnualReview.Entry> entries = review.entriesOf(area.code());
            if (entries.isEmpty()) {
                continue;
            }
            s.append("<tr data-area=\"").append(html(area.code())).append("\"><th>").append(html(area.name()))
                    .append("</th>");
            for (int year : years) {
                cells(s, entries.stream().filter(e -> !e.shape().ongoing() && column(e, review) == year).toList(), t);
            }
            if (ongoing) {
                cells(s, entries.stream().filter(e -> e.shape().ongoing()).toList(), t);
            }
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    /** The matrix's two cells of one area and year: the items (deliverables marked) and their statuses. */
    private static void cells(StringBuilder s, List<AnnualReview.Entry> entries, PageTexts t) {
        s.append("<td class=\"matrix\">");
        entries.forEach(e -> s.append("<div data-code=\"").append(html(e.milestoneCode())).append("\"")
                .append(e.deliverable() ? " class=\"deliverable\">\u21B3 " : ">")
                .append(html(e.title())).append(e.dateUncertain() ? "*" : "").append("</div>"));
        s.append("</td><td class=\"matrix\">");
        entries.forEach(e -> s.append("<div class=\"status ").append(AnnualReviewJson.colour(e.status()))
                .append("\">").append(DOT).append(' ').append(html(t.status("review.status.", e.status())))
                .append("</div>"));
        s.append("</td>");
    }

    /** The matrix's year of an entry: its due year, or for a count-based item the review's year it is counted in. */
    private static int column(AnnualReview.Entry e, AnnualReview review) {
        return e.shape().count() != null ? Math.min(e.dueYear(), review.year()) : e.dueYear();
    }

    /**
     * The item's cell: code and title, a deliverable indented under its parent, and below the title
     * its deliverables reached, its count in the year, its group owner and the bodies it reports to.
     */
    private static void item(StringBuilder s, AnnualReview.Entry e, PageTexts t) {
        s.append("<td class=\"item").append(e.deliverable() ? " deliverable" : "").append("\">")
                .append(e.deliverable() ? "\u21B3 " : "").append("<strong>").append(html(e.milestoneCode()))
                .append("</strong> ").append(html(e.title())).append(e.dateUncertain() ? "*" : "");
        for (String line : EntryTexts.details(e, t)) {
            s.append("<div class=\"detail\">").append(html(line)).append("</div>");
        }
        s.append("</td>");
    }

    private static void status(StringBuilder s, AnnualReview.Entry e, PageTexts t) {
        s.append("<td class=\"status ").append(AnnualReviewJson.colour(e.status())).append("\">").append(DOT)
                .append(' ').append(html(t.status("review.status.", e.status()))).append("</td>");
    }

    /** Per area: its målbild, the region's assessment, and the effects the plan expects, those seen marked. */
    private static void areas(StringBuilder s, AnnualReview review, PageTexts t, PlanText plan) {
        s.append("<h2 class=\"break\">").append(html(t.get("review.assessments"))).append("</h2>\n");
        for (AnnualReview.AreaPart area : review.areas()) {
            List<AnnualReview.Entry> entries = review.entriesOf(area.code());
            s.append("<div class=\"area\" id=\"area-").append(html(area.code())).append("\">\n<h3>")
                    .append(html(area.name())).append("</h3>\n");
            if (area.goalImage() != null && !area.goalImage().isBlank()) {
                s.append("<p><strong>").append(html(t.get("review.goalImage"))).append(":</strong> ")
                        .append(html(area.goalImage())).append("</p>\n");
            }
            s.append("<p><strong>").append(html(t.get("review.assessment"))).append(":</strong></p>\n");
            if (area.note() == null) {
                s.append("<p class=\"footnote\">").append(html(t.get("review.noAssessment"))).append("</p>\n");
            } else {
                paragraphs(s, "note", area.note());
            }
            judgedBy(s, entries, t, plan);
            if (entries.stream().anyMatch(e -> !e.effectsExpected().isEmpty())) {
                s.append("<p><strong>").append(html(t.get("review.expected"))).append(":</strong></p>\n<ul>\n");
                for (AnnualReview.Entry e : entries) {
                    for (String effect : e.effectsExpected()) {
                        boolean seen = e.effectsSeen().contains(effect);
                        s.append("<li").append(seen ? " class=\"seen\"" : "").append(">")
                                .append(html(e.milestoneCode())).append(": ").append(html(effect));
                        if (seen) {
                            s.append(" (").append(html(t.get("review.effect.seen"))).append(")");
                        }
                        s.append("</li>\n");
                    }
                }
                s.append("</ul>\n");
            }
            s.append("</div>\n");
        }
    }

    /**
     * How each milestone is judged reached: its criterion where the plan states one, else the plan's
     * description of it, labelled as such so the board does not take it for a criterion.
     */
    private static void judgedBy(StringBuilder s, List<AnnualReview.Entry> entries, PageTexts t, PlanText plan) {
        List<Milestone> known = entries.stream().map(e -> plan.milestones().get(e.milestoneCode()))
                .filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return;
        }
        s.append("<p><strong>").append(html(t.get("review.judged"))).append(":</strong></p>\n<ul class=\"judged\">\n");
        for (Milestone m : known) {
            s.append("<li data-code=\"").append(html(m.code())).append("\" class=\"")
                    .append(m.criterionStated() ? "criterion" : "description").append("\">").append(html(m.code()))
                    .append(" – <span class=\"label\">").append(html(t.get(m.criterionStated() ? "review.reachedWhen"
                            : "review.description"))).append(":</span> ").append(html(m.judgedBy())).append("</li>\n");
        }
        s.append("</ul>\n");
    }

    /** The plan's own history in the period: the revisions boards adopted and each item added, removed or moved. */
    private static void changes(StringBuilder s, AnnualReview.Changes changes, PageTexts t) {
        if (changes.from() == null) {
            return;
        }
        s.append("<h2 class=\"break\">").append(html(t.get("review.changes", changes.from().toString(),
                changes.to().toString()))).append("</h2>\n");
        if (!changes.revisions().isEmpty()) {
            s.append("<ul class=\"revisions\">\n");
            changes.revisions().forEach(r -> s.append("<li>").append(html(t.get("review.revision",
                    r.adoptedOn().toString(), r.board()))).append(r.note() == null ? "" : ": " + html(r.note()))
                    .append("</li>\n"));
            s.append("</ul>\n");
        }
        if (changes.items().isEmpty()) {
            s.append("<p>").append(html(t.get("review.changes.none"))).append("</p>\n");
            return;
        }
        s.append("<table class=\"changes\">\n<thead><tr><th>").append(html(t.get("review.changes.when")))
                .append("</th><th>").append(html(t.get("review.milestone"))).append("</th><th>")
                .append(html(t.get("review.changes.what"))).append("</th><th>")
                .append(html(t.get("review.changes.reason"))).append("</th></tr></thead>\n<tbody>\n");
        for (AnnualReview.Change c : changes.items()) {
            String what = switch (c.kind()) {
                case "added" -> t.get("review.changes.added", c.after());
                case "removed" -> t.get("review.changes.removed");
                default -> t.get("review.changes.moved", c.before(), c.after());
            };
            s.append("<tr><td>").append(STAMP.format(c.at())).append("</td><td><strong>").append(html(c.code()))
                    .append("</strong> ").append(html(c.title())).append("</td><td>").append(html(what))
                    .append("</td><td>").append(html(c.reason())).append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    private static void paragraphs(StringBuilder s, String css, String text) {
        for (String paragraph : text.split("\\R\\s*\\R")) {
            s.append("<p class=\"").append(css).append("\">").append(html(paragraph.strip()).replaceAll("\\R", "<br/>"))
                    .append("</p>\n");
        }
    }
}
