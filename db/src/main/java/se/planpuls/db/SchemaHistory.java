package se.planpuls.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Where a schema stands by Flyway's history table, read with one statement: the newest version
 * applied, how many versioned migrations were applied, and whether any failed. Empty for a database
 * Flyway has not yet touched.
 */
record SchemaHistory(MigrationVersion newest, int applied, boolean anyFailed) {
    static final SchemaHistory NONE = new SchemaHistory(MigrationVersion.EMPTY, 0, false);

    static SchemaHistory read(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            MigrationVersion newest = MigrationVersion.EMPTY;
            int applied = 0;
            boolean anyFailed = false;
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery(
                         "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"type\" <> 'SCHEMA'")) {
                while (rows.next()) {
                    String version = rows.getString(1);
                    anyFailed |= !rows.getBoolean(2);
                    if (version != null) {
                        applied++;
                        MigrationVersion parsed = MigrationVersion.fromVersion(version);
                        if (parsed.compareTo(newest) > 0) {
                            newest = parsed;
                        }
                    }
                }
            }
            return new SchemaHistory(newest, applied, anyFailed);
        } catch (SQLException | RuntimeException e) {
            // No history yet (a new database), or one this build cannot read (a version that is not
            // one, say): Flyway finds out for itself.
            return NONE;
        }
    }

    /** True when exactly {@code migrations} migrations up to {@code version} were applied, none failed. */
    boolean isAt(String version, int migrations) {
        return !anyFailed && applied == migrations && newest.equals(MigrationVersion.fromVersion(version));
    }
}
