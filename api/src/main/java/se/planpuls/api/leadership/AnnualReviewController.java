package se.planpuls.api.leadership;

import static se.planpuls.api.http.PageTexts.html;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.PageTexts;
import se.planpuls.api.http.Params;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.domain.AnnualReview;

/**
 * {@code GET /api/v1/plans/{id}/annual-review?year=&asOf=}: JSON by default, an HTML page for
 * {@code Accept: text/html}, CSV for {@code Accept: text/csv}. {@code POST} with the same path takes
 * the review now and keeps it (later reads of that year return the snapshot).
 */
final class AnnualReviewController {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingCalendar.ZONE);
    private static final String YEAR = "year must be a year such as 2023";
    private static final String AS_OF = "asOf must be a date such as 2024-01-31, between 2000 and 2100";

    private final AnnualReviewService reviews;
    private final AnnualReviewPoster poster;
    private final Clock clock;

    AnnualReviewController(AnnualReviewService reviews, AnnualReviewPoster poster, Clock clock) {
        this.reviews = reviews;
        this.poster = poster;
        this.clock = clock;
    }

    void get(Context ctx) {
        write(ctx, reviews.review(Params.id(ctx, "id"), year(ctx), asOf(ctx)));
    }

    /** {@code ?asOf=YYYY-MM-DD}: the day whose end the statuses stand at; null for the review date. */
    private static LocalDate asOf(Context ctx) {
        String value = ctx.queryParam("asOf");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw new BadRequest("asOf", AS_OF);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new BadRequest("asOf", AS_OF);
        }
    }

    /**
     * Takes the review and posts its summary card to the plan's leadership channels (the review
     * date is the day it is taken). Answers once every post was tried; a failed post is logged and
     * counted in the {@code X-Planpuls-Channels-Failed} header, the review is kept either way.
     */
    void take(Context ctx) {
        long planId = Params.id(ctx, "id");
        AnnualReview review = reviews.take(planId, year(ctx));
        ctx.future(() -> poster.post(review).thenAccept(result -> {
            ctx.header("X-Planpuls-Channels-Posted", String.valueOf(result.posted()));
            ctx.header("X-Planpuls-Channels-Failed", String.valueOf(result.failed()));
            ctx.status(201);
            write(ctx, review);
        }));
    }

    /** {@code ?year=}, or this year in the region when it is left out. */
    private int year(Context ctx) {
        String value = ctx.queryParam("year");
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).getYear();
        }
        return ctx.queryParamAsClass("year", Integer.class)
                .check(year -> year <= 9999, YEAR)
                .check(year -> year >= 2000 && year <= 2100, "year must be between 2000 and 2100")
                .getOrThrow(Params.refusal("year", YEAR));
    }

    private static void write(Context ctx, AnnualReview review) {
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept").toLowerCase(Locale.ROOT);
        if (accept.contains("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"arlig-uppfoljning-" + review.year() + ".csv\"");
            ctx.result(csv(review));
        } else if (accept.contains("text/html")) {
            ctx.html(page(review, PageTexts.swedish()));
        } else {
            ctx.json(AnnualReviewJson.of(review));
        }
    }

    static String csv(AnnualReview review) {
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

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a comment as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    static String page(AnnualReview review, PageTexts t) {
        StringBuilder s = new StringBuilder();
        String title = t.get("review.title", review.planName(), String.valueOf(review.year()));
        s.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(html(title))
                .append("</title>\n<style>\n")
                .append("body { font-family: DejaVu Sans, Segoe UI, Arial, sans-serif; margin: 24px; color: #1f2328; }\n")
                .append("table { border-collapse: collapse; width: 100%; font-size: 14px; }\n")
                .append("th, td { border: 1px solid #d0d7de; padding: 6px 8px; text-align: left; vertical-align: top; }\n")
                .append("th { background: #24405e; color: #fff; } tr.group th { background: #4b6a88; }\n")
                .append("td.status { font-weight: bold; white-space: nowrap; }\n")
                .append(".green { background: #2e9e4f; color: #fff; } .yellow { background: #f4c430; }\n")
                .append(".red { background: #d9413b; color: #fff; } .grey { background: #c9ccd1; }\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(html(title)).append("</h1>\n<p>")
                .append(html(review.snapshot()
                        ? t.get("review.subtitle.snapshot", STAMP.format(review.takenAt()), review.asOf().toString())
                        : t.get("review.subtitle.live", review.asOf().toString())))
                .append("</p>\n<p>").append(html(t.get("review.legend"))).append("</p>\n<table>\n<thead><tr><th>")
                .append(html(t.get("review.area"))).append("</th><th>").append(html(t.get("review.milestone")))
                .append("</th><th>").append(html(t.get("review.year"))).append("</th><th>")
                .append(html(t.get("review.status"))).append("</th><th>").append(html(t.get("review.comment")))
                .append("</th><th>").append(html(t.get("review.effects"))).append("</th></tr></thead>\n<tbody>\n");
        String group = null;
        for (AnnualReview.Entry e : review.entries()) {
            if (!e.groupName().equals(group)) {
                group = e.groupName();
                s.append("<tr class=\"group\"><th colspan=\"6\">").append(html(group)).append("</th></tr>\n");
            }
            String colour = AnnualReviewJson.colour(e.status());
            s.append("<tr data-code=\"").append(html(e.milestoneCode())).append("\"><td>").append(html(e.areaName()))
                    .append("</td><td><strong>").append(html(e.milestoneCode())).append("</strong> ")
                    .append(html(e.title())).append(e.dateUncertain() ? "*" : "").append("</td><td>")
                    .append(e.dueYear()).append("</td><td class=\"status ").append(colour).append("\">")
                    .append(html(t.status("review.status.", e.status()))).append("</td><td>")
                    .append(html(e.lastComment())).append("</td><td>");
            if (!e.effectsSeen().isEmpty()) {
                s.append("<ul>");
                e.effectsSeen().forEach(effect -> s.append("<li>").append(html(effect)).append("</li>"));
                s.append("</ul>");
            }
            s.append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n</body>\n</html>\n");
        return s.toString();
    }
}
