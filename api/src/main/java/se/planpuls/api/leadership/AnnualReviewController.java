package se.planpuls.api.leadership;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.ETags;
import se.planpuls.api.http.PageTexts;
import se.planpuls.api.http.Params;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.ReviewNotes;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * {@code GET /api/v1/plans/{id}/annual-review?year=&asOf=&layout=&format=}: JSON by default; an HTML
 * page, CSV, PDF or an Excel workbook by {@code Accept} or {@code format}. {@code POST} with the same
 * path takes the review (later reads of that year return the snapshot). {@code GET/PUT
 * .../annual-review/{year}/notes}: the region's summary and assessments, with ETag and If-Match.
 */
final class AnnualReviewController {
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String YEAR = "year must be a year such as 2023";
    private static final String AS_OF = "asOf must be a date such as 2024-01-31, between 2000 and 2100";

    /** The region's words for a year: the summary and an assessment per area code. */
    record NotesBody(String summary, Map<String, String> areas) {
    }

    private final AnnualReviewService reviews;
    private final AnnualReviewPoster poster;
    private final MapRoutes map;
    private final Clock clock;

    AnnualReviewController(AnnualReviewService reviews, AnnualReviewPoster poster, MapRoutes map, Clock clock) {
        this.reviews = reviews;
        this.poster = poster;
        this.map = map;
        this.clock = clock;
    }

    void get(Context ctx) {
        write(ctx, reviews.review(Params.id(ctx, "id"), year(ctx), asOf(ctx)));
    }

    /** The PDF by the plan's read-only key, for the link in the channel's review card. */
    void keyedPdf(Context ctx) {
        long planId = Params.id(ctx, "id");
        map.authorise(ctx, planId);
        var review = reviews.review(planId, year(ctx), asOf(ctx));
        sendPdf(ctx, review);
    }

    /**
     * Takes the review and posts its summary card to the plan's leadership channels. Answers once
     * every post was tried; a failed post is logged and counted in the {@code X-Planpuls-Channels-Failed}
     * header, the review is kept either way.
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

    void notes(Context ctx) {
        long planId = Params.id(ctx, "id");
        int year = pathYear(ctx);
        ReviewNotes notes = reviews.notes(planId, year);
        ETags.set(ctx, notes.version());
        ctx.json(AnnualReviewJson.NotesJson.of(planId, year, notes));
    }

    void saveNotes(Context ctx) {
        long planId = Params.id(ctx, "id");
        int year = pathYear(ctx);
        NotesBody body = ctx.bodyValidator(NotesBody.class).get();
        Integer expected = ETags.expected(ctx, "annual_review_notes", year,
                () -> reviews.notes(planId, year).version());
        ReviewNotes saved = reviews.saveNotes(planId, year,
                new ReviewNotes(body.summary(), body.areas(), 0), expected, AdminAuth.actor(ctx));
        ETags.set(ctx, saved.version());
        ctx.json(AnnualReviewJson.NotesJson.of(planId, year, saved));
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

    private static int pathYear(Context ctx) {
        return ctx.pathParamAsClass("year", Integer.class)
                .check(year -> year >= 2000 && year <= 2100, "year must be between 2000 and 2100")
                .getOrThrow(Params.refusal("year", YEAR));
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

    private static AnnualReviewPage.Layout layout(Context ctx) {
        String value = ctx.queryParam("layout");
        if (value == null || value.isBlank()) {
            return AnnualReviewPage.Layout.LIST;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "list" -> AnnualReviewPage.Layout.LIST;
            case "matrix" -> AnnualReviewPage.Layout.MATRIX;
            default -> throw new BadRequest("layout", "layout must be list or matrix");
        };
    }

    /** {@code ?format=} wins over {@code Accept}, so a plain link can ask for a document. */
    private static String format(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json", "html", "csv", "pdf", "xlsx" -> format.strip().toLowerCase(Locale.ROOT);
                default -> throw new BadRequest("format", "format must be json, html, csv, pdf or xlsx");
            };
        }
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept").toLowerCase(Locale.ROOT);
        if (accept.contains(PDF)) {
            return "pdf";
        } else if (accept.contains(XLSX)) {
            return "xlsx";
        } else if (accept.contains("text/csv")) {
            return "csv";
        } else if (accept.contains("text/html")) {
            return "html";
        }
        return "json";
    }

    /** {@code ?table=indicators}: the CSV of the indicator table rather than the status table. */
    private static boolean indicatorTable(Context ctx) {
        String table = ctx.queryParam("table");
        if (table == null || table.isBlank() || table.strip().equalsIgnoreCase("status")) {
            return false;
        }
        if (table.strip().equalsIgnoreCase("indicators")) {
            return true;
        }
        throw new BadRequest("table", "table must be status or indicators");
    }

    private void write(Context ctx, AnnualReview review) {
        AnnualReviewPage.Layout layout = layout(ctx);
        switch (format(ctx)) {
            case "csv" -> {
                ctx.contentType("text/csv; charset=utf-8");
                attachment(ctx, review, "csv");
                ctx.result(indicatorTable(ctx) ? AnnualReviewCsv.indicators(review) : AnnualReviewCsv.of(review));
            }
            case "html" -> ctx.html(AnnualReviewPage.render(review, PageTexts.swedish(), layout,
                    map.pictureLink(review.planId()), AnnualReviewPage.PlanText.of(reviews.plan(review.planId())),
                    row -> map.sparklineLink(review.planId(), row.itemId())));
            case "pdf" -> sendPdf(ctx, review, layout);
            case "xlsx" -> {
                ctx.contentType(XLSX);
                attachment(ctx, review, "xlsx");
                ctx.result(AnnualReviewWorkbook.of(review, reviews.reportsBetween(review), PageTexts.swedish()));
            }
            default -> ctx.json(AnnualReviewJson.of(review));
        }
    }

    private void sendPdf(Context ctx, AnnualReview review) {
        sendPdf(ctx, review, layout(ctx));
    }

    private void sendPdf(Context ctx, AnnualReview review, AnnualReviewPage.Layout layout) {
        String html = AnnualReviewPage.render(review, PageTexts.swedish(), layout,
                AnnualReviewPdf.dataUri(map.picture(review.planId(),
                        reviews.statusesAsOf(review.planId(), review.asOf()), review.asOf())),
                AnnualReviewPage.PlanText.of(reviews.plan(review.planId())),
                row -> AnnualReviewPdf.dataUri(map.sparkline(row.progress())));
        ctx.contentType(PDF);
        attachment(ctx, review, "pdf");
        ctx.result(AnnualReviewPdf.render(html));
    }

    private static void attachment(Context ctx, AnnualReview review, String extension) {
        ctx.header("Content-Disposition", "attachment; filename=\"arlig-uppfoljning-" + review.year() + "."
                + extension + "\"");
    }
}
