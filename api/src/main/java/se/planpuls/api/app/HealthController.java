package se.planpuls.api.app;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import se.planpuls.db.Database;
import se.planpuls.scheduler.PlanpulsScheduler;

/**
 * {@code GET /health}: 200 with the database's state once ready, 503 when the database is down.
 * {@code GET /health/ready}, for load balancers: 200 only when the database answers, its migrations
 * are applied and the schedule runs, and 503 from the moment a shutdown begins.
 */
final class HealthController {
    private final Database database;
    private final PlanpulsScheduler scheduler;
    private final AtomicBoolean draining;

    HealthController(Database database, PlanpulsScheduler scheduler, AtomicBoolean draining) {
        this.database = database;
        this.scheduler = scheduler;
        this.draining = draining;
    }

    void health(Context ctx) {
        Database.Health health = database.health();
        ctx.status(health.up() ? 200 : 503);
        ctx.json(Map.of("status", health.up() ? "UP" : "DOWN",
                "database", Map.of("up", health.up(), "product", health.product(),
                        "schemaVersion", health.schemaVersion())));
    }

    void ready(Context ctx) {
        Database.Health health = database.health();
        boolean migrated = database.migrated();
        boolean scheduling = scheduler.running();
        boolean stopping = draining.get();
        boolean ready = health.up() && migrated && scheduling && !stopping;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("database", Map.of("up", health.up(), "schemaVersion", health.schemaVersion(),
                "migrationsApplied", migrated));
        body.put("scheduler", Map.of("started", scheduling));
        body.put("shuttingDown", stopping);
        ctx.status(ready ? 200 : 503).json(body);
    }
}
