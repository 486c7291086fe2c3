package se.planpuls.api.plan;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.db.AuditService;
import se.planpuls.db.PlanExportService;
import se.planpuls.db.PlanImportService;
import se.planpuls.db.PlanService;
import se.planpuls.domain.ImportResult;

/** Plans: read, imported and exported as JSON or CSV, and a plan's whole history as CSV. */
public final class PlanRoutes extends RouteGroup {
    public PlanRoutes(PlanService plans, PlanImportService importer, PlanExportService exporter, AuditService audit) {
        super(routes(new PlanController(plans), new PlanTransferController(importer, exporter, audit)));
    }

    private static List<Route> routes(PlanController plans, PlanTransferController transfer) {
        return List.of(
                Route.get("/api/v1/plans", plans::list).doc("plans", "List plans").listing(PlanJson.class),
                Route.get("/api/v1/plans/{id}", plans::get).doc("plans", "Read a plan with its groups, areas and items")
                        .returning(PlanDetailJson.class),
                Route.post("/api/v1/plans/import", transfer::importPlan).doc("plans", "Import a plan as JSON or CSV "
                        + "(Content-Type: text/csv); idempotent; a re-import updates items in place and records what "
                        + "changed; a bad file imports nothing and every problem names its row or path and field")
                        .body(Route.Body.of(PlanJsonFormat.PlanJ.class)
                                .orCsv("columns: " + String.join(", ", PlanCsvFormat.COLUMNS)))
                        .returning(ImportResult.class).answers(200, 201, 400, 401, 403, 413),
                Route.get("/api/v1/plans/{id}/export", transfer::export).doc("plans", "Export a plan as JSON or CSV, "
                        + "the formats import takes").query("format"),
                Route.get("/api/v1/plans/{id}/history.csv", transfer::history).doc("audit",
                        "The plan's full change history as CSV"));
    }
}
