package se.planpuls.db;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for tests, migrated with the real migrations: a private in-memory H2 (PostgreSQL
 * mode) always, and a fresh schema on the PostgreSQL at 127.0.0.1:5432 when it is reachable. With
 * {@code CI=true} an unreachable PostgreSQL is an error, not a skip.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = System.getenv().getOrDefault("PLANPULS_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {
    }

    public static Database h2() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** A fresh schema on the CI PostgreSQL, or null when it is unreachable outside CI. */
    public static Database postgres() {
        if (!postgresReachable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but PostgreSQL is unreachable at " + POSTGRES_URL);
            }
            return null;
        }
        return Database.open(POSTGRES_URL, "t_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** The databases every DAO test runs on: H2, and PostgreSQL where available. */
    public static Stream<Kind> kinds() {
        return postgresReachable() || "true".equalsIgnoreCase(System.getenv("CI"))
                ? Stream.of(Kind.H2, Kind.POSTGRESQL) : Stream.of(Kind.H2);
    }

    public static boolean postgresReachable() {
        try (var connection = DriverManager.getConnection(POSTGRES_URL)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public enum Kind {
        H2, POSTGRESQL;

        public Database open() {
            if (this == H2) {
                return h2();
            }
            Database db = postgres();
            if (db == null) {
                throw new IllegalStateException("PostgreSQL is unreachable at " + POSTGRES_URL);
            }
            return db;
        }
    }

    /**
     * Runs one SQL statement with positional arguments, for tests in other modules that set up a
     * state no service writes (a report at a chosen time, a trigger's next fire time).
     */
    public static void execute(Database database, String sql, Object... args) {
        database.jdbi().useHandle(h -> h.execute(sql, args));
    }

    /**
     * Every row of every table the requests of a test can change, as text in a stable order: two
     * equal dumps mean nothing was written. Left out are the tables the schedule writes by itself
     * whenever its jobs fire (Quartz's own, reminders sent, welcomes, digests, the sending turn) and
     * Flyway's history, so that a job firing during a test does not look like a request's doing.
     */
    public static String dump(Database database) {
        try {
            return rows(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not dump the database", e);
        }
    }

    private static String rows(Database database) throws SQLException {
        return database.jdbi().withHandle(h -> {
            var connection = h.getConnection();
            List<String> tables = new ArrayList<>();
            try (var rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!table.startsWith("qrtz_") && !table.startsWith("flyway") && !SCHEDULED.contains(table)) {
                        tables.add(table);
                    }
                }
            }
            java.util.Collections.sort(tables);
            StringBuilder out = new StringBuilder();
            for (String table : tables) {
                if (table.equals("audit_log")) {
                    // Append-only: its size and last entry say whether anything was added.
                    out.append(table).append(':').append(h.createQuery("SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) "
                            + "FROM audit_log").mapTo(String.class).one()).append('\n');
                    continue;
                }
                List<String> rows = h.createQuery("SELECT * FROM " + table).map((rs, ctx) -> {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.append(rs.getString(c)).append('\u241E');
                    }
                    return row.toString();
                }).list();
                java.util.Collections.sort(rows);
                out.append(table).append(':').append(rows.size()).append('\n');
                rows.forEach(row -> out.append(row).append('\n'));
            }
            return out.toString();
        });
    }

    private static final java.util.Set<String> SCHEDULED = java.util.Set.of("reminders", "owner_welcomes",
            "digest_posts", "sending_turn");

    /** Closes a test database, dropping its PostgreSQL schema so CI's database does not fill up. */
    public static void dispose(Database database) {
        if (database == null) {
            return;
        }
        String schema = database.schema();
        if (schema != null && schema.startsWith("t_") && "PostgreSQL".equals(database.product())) {
            database.jdbi().useHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
        }
        database.close();
    }
}
