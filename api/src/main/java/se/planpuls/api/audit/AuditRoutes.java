package se.planpuls.api.audit;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.db.AuditService;

/** The audit log: who changed what, when, before and after. */
public final class AuditRoutes extends RouteGroup {
    public AuditRoutes(AuditService audit) {
        super(routes(new AuditController(audit)));
    }

    private static List<Route> routes(AuditController audit) {
        return List.of(
                Route.get("/api/v1/audit", audit::list).doc("audit", "The audit log: who changed what, when, before "
                        + "and after").query("entity", "entityId", "plan", "since", "limit", "offset")
                        .listing(AuditJson.class));
    }
}
