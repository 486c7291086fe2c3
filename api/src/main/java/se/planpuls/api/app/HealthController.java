package se.planpuls.api.app;

import io.javalin.http.Context;
import java.util.Map;
import se.planpuls.db.Database;

/** {@code GET /health}: 200 with the database's state once ready, 503 when the database is down. */
final class HealthController {
    private final Database database;

    HealthController(Database database) {
        this.database = database;
    }

    void health(Context ctx) {
        Database.Health health = database.health();
        ctx.status(health.up() ? 200 : 503);
        ctx.json(Map.of("status", health.up() ? "UP" : "DOWN",
                "database", Map.of("up", health.up(), "product", health.product(),
                        "schemaVersion", health.schemaVersion())));
    }
}
