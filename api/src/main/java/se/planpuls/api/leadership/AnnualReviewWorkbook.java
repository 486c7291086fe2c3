package se.planpuls.api.leadership;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.planpuls.api.http.PageTexts;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * The annual review as an Excel workbook (Apache POI): the status table with each status in its
 * colour as the cell's fill, a frozen header and an autofilter; every report of the period; and
 * every expected effect with whether it was reported as seen. The same figures as the JSON.
 */
final class AnnualReviewWorkbook {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingCalendar.ZONE);

    private AnnualReviewWorkbook() {
    }

    static byte[] of(AnnualReview review, List<AnnualReview.Report> reports, PageTexts t) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFCellStyle header = book.createCellStyle();
            XSSFFont bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Map<String, XSSFCellStyle> fills = new HashMap<>();
            AnnualReviewPage.FILL.forEach((colour, hex) -> {
                XSSFCellStyle style = book.createCellStyle();
                style.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(hex), null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                fills.put(colour, style);
            });

            XSSFSheet status = book.createSheet(t.get("review.sheet.status"));
            head(status, header, t.get("review.group"), t.get("review.area"), t.get("review.code"),
                    t.get("review.milestone"), t.get("review.year"), t.get("review.uncertainDate"),
                    t.get("review.status"), t.get("review.colour"), t.get("review.comment"),
                    t.get("review.reportedAt"), t.get("review.effects"), t.get("review.parent"), t.get("review.owner"),
                    t.get("review.reportTo"), t.get("review.count"), t.get("review.deliverables.header"));
            XSSFCellStyle indented = book.createCellStyle();
            indented.setIndention((short) 2);
            // A parent's row is above its deliverables, which fold under it.
            status.setRowSumsBelow(false);
            int r = 1;
            int firstDeliverable = -1;
            for (AnnualReview.Entry e : review.entries()) {
                if (e.deliverable() && firstDeliverable < 0) {
                    firstDeliverable = r;
                } else if (!e.deliverable() && firstDeliverable >= 0) {
                    status.groupRow(firstDeliverable, r - 1);
                    firstDeliverable = -1;
                }
                Row row = status.createRow(r++);
                String colour = AnnualReviewJson.colour(e.status());
                cells(row, e.groupName(), e.areaName(), e.milestoneCode(), e.title());
                if (e.deliverable()) {
                    row.getCell(2).setCellStyle(indented);
                    row.getCell(3).setCellStyle(indented);
                }
                if (e.shape().ongoing()) {
                    row.createCell(4).setCellValue(EntryTexts.due(e, t));
                } else {
                    row.createCell(4).setCellValue(e.dueYear());
                }
                row.createCell(5).setCellValue(e.dateUncertain() ? "*" : "");
                row.createCell(6).setCellValue(t.status("review.status.", e.status()));
                row.getCell(6).setCellStyle(fills.get(colour));
                row.createCell(7).setCellValue(colour);
                row.createCell(8).setCellValue(nullToEmpty(e.lastComment()));
                row.createCell(9).setCellValue(stamp(e.reportedAt()));
                row.createCell(10).setCellValue(String.join("\n", e.effectsSeen()));
                row.createCell(11).setCellValue(nullToEmpty(e.shape().parentCode()));
                row.createCell(12).setCellValue(nullToEmpty(EntryTexts.owner(e, t)));
                row.createCell(13).setCellValue(String.join("\n", e.shape().reportTo()));
                row.createCell(14).setCellValue(nullToEmpty(EntryTexts.count(e, t)));
                row.createCell(15).setCellValue(nullToEmpty(EntryTexts.deliverables(e, t)));
            }
            if (firstDeliverable >= 0) {
                status.groupRow(firstDeliverable, r - 1);
            }
            finish(status, r, 16);

            XSSFSheet reportSheet = book.createSheet(t.get("review.sheet.reports"));
            head(reportSheet, header, t.get("review.area"), t.get("review.code"), t.get("review.milestone"),
                    t.get("review.status"), t.get("review.comment"), t.get("review.reporter"),
                    t.get("review.reportedAt"));
            r = 1;
            for (AnnualReview.Report report : reports) {
                Row row = reportSheet.createRow(r++);
                cells(row, report.areaCode(), report.milestoneCode(), report.title(),
                        t.status("review.status.", report.status()), nullToEmpty(report.comment()),
                        nullToEmpty(report.reporterName()), stamp(report.reportedAt()));
                row.getCell(3).setCellStyle(fills.get(AnnualReviewJson.colour(report.status())));
            }
            finish(reportSheet, r, 7);

            XSSFSheet effects = book.createSheet(t.get("review.sheet.effects"));
            head(effects, header, t.get("review.area"), t.get("review.code"), t.get("review.expected"),
                    t.get("review.effect.seen"));
            r = 1;
            for (AnnualReview.Entry e : review.entries()) {
                for (String effect : e.effectsExpected()) {
                    Row row = effects.createRow(r++);
                    cells(row, e.areaName(), e.milestoneCode(), effect,
                            t.get(e.effectsSeen().contains(effect) ? "review.yes" : "review.no"));
                }
            }
            finish(effects, r, 4);

            if (!review.indicators().isEmpty()) {
                indicators(book.createSheet(t.get("review.sheet.indicators")), header, fills, review, t);
            }

            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the annual review workbook", e);
        }
    }

    /** The indicator table: numbers as numbers, the last value of each period, and the target met in its colour. */
    private static void indicators(XSSFSheet sheet, XSSFCellStyle header, Map<String, XSSFCellStyle> fills,
                                   AnnualReview review, PageTexts t) {
        head(sheet, header, t.get("review.area"), t.get("review.code"), t.get("review.indicator"),
                t.get("review.indicator.unit"), t.get("review.indicator.baseline"), t.get("review.indicator.values"),
                t.get("review.indicator.target"), t.get("review.indicator.latest"), t.get("review.indicator.met"));
        int r = 1;
        for (AnnualReview.IndicatorRow row : review.indicators()) {
            var p = row.progress();
            var i = p.indicator();
            Row line = sheet.createRow(r++);
            cells(line, row.areaName(), row.code(), row.title(), i.unit());
            number(line, 4, i.baselineValue());
            line.createCell(5).setCellValue(String.join("\n", AnnualReviewJson.periods(p).stream()
                    .map(v -> v.period() + ": " + v.value().toPlainString()).toList()));
            line.createCell(6).setCellValue(AnnualReviewPage.target(i, t));
            number(line, 7, p.latestValue());
            line.createCell(8).setCellValue(t.get(p.latest() == null ? "review.indicator.noValue"
                    : p.onTarget() ? "review.yes" : "review.no"));
            if (p.latest() != null) {
                line.getCell(8).setCellStyle(fills.get(p.onTarget() ? "green" : "red"));
            }
        }
        finish(sheet, r, 9);
    }

    private static void number(Row row, int column, java.math.BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        } else {
            row.createCell(column).setCellValue("");
        }
    }

    private static void head(XSSFSheet sheet, XSSFCellStyle style, String... titles) {
        Row row = sheet.createRow(0);
        cells(row, titles);
        for (int i = 0; i < titles.length; i++) {
            row.getCell(i).setCellStyle(style);
        }
    }

    private static void cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static void finish(XSSFSheet sheet, int rows, int columns) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
    }

    private static String stamp(Instant at) {
        return at == null ? "" : STAMP.format(at);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
