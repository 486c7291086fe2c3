package se.planpuls.api.plan;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.planpuls.api.http.AdminAuth;
import se.planpuls.api.http.BadRequest;
import se.planpuls.api.http.Params;
import se.planpuls.db.AuditService;
import se.planpuls.db.PlanExportService;
import se.planpuls.db.PlanImportService;
import se.planpuls.domain.PlanDocument;

/**
 * Plans in and out: {@code POST /api/v1/plans/import} (JSON, or CSV with {@code Content-Type: text/csv}),
 * {@code GET /api/v1/plans/{id}/export?format=json|csv} and the plan's full history as CSV.
 */
final class PlanTransferController {
    private static final List<String> FORMATS = List.of("json", "csv");

    private final PlanImportService importer;
    private final PlanExportService exporter;
    private final AuditService audit;
    private final PlanJsonFormat json = new PlanJsonFormat();
    private final PlanCsvFormat csv = new PlanCsvFormat();

    PlanTransferController(PlanImportService importer, PlanExportService exporter, AuditService audit) {
        this.importer = importer;
        this.exporter = exporter;
        this.audit = audit;
    }

    void importPlan(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        PlanDocument doc;
        if (type.startsWith("text/csv")) {
            doc = csv.read(PlanCsvFormat.decode(ctx.bodyAsBytes()));
        } else if (type.isEmpty() || type.startsWith("application/json")) {
            doc = json.read(ctx.body());
        } else {
            throw new BadRequest("Content-Type", "send the plan as application/json or text/csv");
        }
        var result = importer.importPlan(doc, AdminAuth.actor(ctx));
        ctx.status(result.planCreated() ? 201 : 200);
        ctx.header("Location", "/api/v1/plans/" + result.planId());
        ctx.json(result);
    }

    void export(Context ctx) {
        long id = Params.id(ctx, "id");
        String asked = ctx.queryParamAsClass("format", String.class).allowNullable()
                .check(f -> f == null || FORMATS.contains(f.toLowerCase(Locale.ROOT)), "format must be json or csv").get();
        String format = asked == null ? "json" : asked.toLowerCase(Locale.ROOT);
        PlanDocument doc = exporter.export(id);
        ctx.header("Content-Disposition", "attachment; filename=\"" + doc.slug() + "." + format + "\"");
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").result(csv.write(doc));
        } else {
            ctx.contentType("application/json").result(json.write(doc));
        }
    }

    void history(Context ctx) {
        long id = Params.id(ctx, "id");
        var doc = exporter.export(id);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "at", "actor", "source",
                "action", "entity", "entity_id", "reason", "before", "after").build())) {
            for (var e : audit.ofPlan(id)) {
                printer.printRecord(PlanCsvFormat.defused(e.id(), e.at(), e.actor(), e.source(), e.action(), e.entity(),
                        e.entityId(), e.reason(), e.beforeJson(), e.afterJson()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + doc.slug() + "-history.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }
}
