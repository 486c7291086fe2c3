package se.planpuls.api.leadership;

import se.planpuls.api.http.SpreadsheetCells;
import se.planpuls.domain.AnnualReview;

/** The annual review as CSV (RFC 4180), one row per milestone, for a spreadsheet of one's own. */
final class AnnualReviewCsv {
    private AnnualReviewCsv() {
    }

    static String of(AnnualReview review) {
        StringBuilder out = new StringBuilder();
        out.append("group,area_code,area,milestone,title,year,date_uncertain,status,colour,last_comment,reported_at,"
                + "effects_seen\r\n");
        for (AnnualReview.Entry e : review.entries()) {
            out.append(String.join(",", cell(e.groupName()), cell(e.areaCode()), cell(e.areaName()),
                    cell(e.milestoneCode()), cell(e.title()), String.valueOf(e.dueYear()),
                    String.valueOf(e.dateUncertain()), e.status() == null ? "" : e.status().apiName(),
                    AnnualReviewJson.colour(e.status()), cell(e.lastComment()),
                    e.reportedAt() == null ? "" : e.reportedAt().toString(),
                    cell(String.join(" | ", e.effectsSeen())))).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting, defused so a spreadsheet never runs a comment as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + SpreadsheetCells.defuse(value).replace("\"", "\"\"") + "\"";
    }
}
