package se.planpuls.api.leadership;

import se.planpuls.api.http.SpreadsheetCells;
import se.planpuls.domain.AnnualReview;

/** The annual review as CSV (RFC 4180), one row per milestone, for a spreadsheet of one's own. */
final class AnnualReviewCsv {
    private AnnualReviewCsv() {
    }

    /**
     * The status table; after the first columns, as before, the shape: {@code parent} (the code of the
     * item a deliverable belongs to, which it follows), {@code ongoing}, the owner and whether it is a
     * group, who answered for the group, the report-to bodies ({@code |}-separated), a count-based
     * item's reports this year with its minimum, maximum and pace, and a parent's deliverables reached
     * of total.
     */
    static String of(AnnualReview review) {
        StringBuilder out = new StringBuilder();
        out.append("group,area_code,area,milestone,title,year,date_uncertain,status,colour,last_comment,reported_at,"
                + "effects_seen,parent,ongoing,owner,owner_is_group,answered_by,report_to,reports_this_year,"
                + "times_min,times_max,pace,deliverables_reached,deliverables_total\r\n");
        for (AnnualReview.Entry e : review.entries()) {
            var s = e.shape();
            var c = s.count();
            var d = s.deliverables();
            out.append(String.join(",", cell(e.groupName()), cell(e.areaCode()), cell(e.areaName()),
                    cell(e.milestoneCode()), cell(e.title()), String.valueOf(e.dueYear()),
                    String.valueOf(e.dateUncertain()), e.status() == null ? "" : e.status().apiName(),
                    AnnualReviewJson.colour(e.status()), cell(e.lastComment()),
                    e.reportedAt() == null ? "" : e.reportedAt().toString(),
                    cell(String.join(" | ", e.effectsSeen())), cell(s.parentCode()), String.valueOf(s.ongoing()),
                    cell(s.ownerName()), String.valueOf(s.groupOwner()), cell(s.answeredBy()),
                    cell(String.join(" | ", s.reportTo())), c == null ? "" : String.valueOf(c.reports()),
                    c == null ? "" : String.valueOf(c.min()), c == null || c.max() == null ? "" : String.valueOf(c.max()),
                    c == null ? "" : c.pace().apiName(), d == null ? "" : String.valueOf(d.reached()),
                    d == null ? "" : String.valueOf(d.total()))).append("\r\n");
        }
        return out.toString();
    }

    /**
     * The review's indicator table as CSV, one row per indicator: baseline, the last value of each
     * period ({@code 2024 Q1: 78 | 2024 Q2: 79}), target, and whether the latest value meets it.
     */
    static String indicators(AnnualReview review) {
        StringBuilder out = new StringBuilder();
        out.append("group,area_code,area,indicator,title,unit,baseline,baseline_date,values,target,target_date,"
                + "direction,latest,trend,met\r\n");
        for (AnnualReview.IndicatorRow row : review.indicators()) {
            var p = row.progress();
            var i = p.indicator();
            out.append(String.join(",", cell(row.groupName()), cell(row.areaCode()), cell(row.areaName()),
                    cell(row.code()), cell(row.title()), cell(i.unit()), plain(i.baselineValue()),
                    i.baselineDate() == null ? "" : i.baselineDate().toString(),
                    cell(String.join(" | ", AnnualReviewJson.periods(p).stream()
                            .map(v -> v.period() + ": " + v.value().toPlainString()).toList())),
                    plain(i.targetValue()), i.targetDate() == null ? "" : i.targetDate().toString(),
                    i.direction().apiName(), plain(p.latestValue()), p.trend().apiName(),
                    String.valueOf(p.onTarget()))).append("\r\n");
        }
        return out.toString();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** RFC 4180 quoting, defused so a spreadsheet never runs a comment as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + SpreadsheetCells.defuse(value).replace("\"", "\"\"") + "\"";
    }
}
