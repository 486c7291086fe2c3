package se.planpuls.db;

import java.sql.SQLException;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Update a row, or insert it when there is none, safely when another transaction inserts the same
 * key at the same moment (a team installation reading its roster while the same person writes to
 * the bot). The insert runs under a savepoint: on PostgreSQL a failed statement would otherwise
 * poison the whole transaction, and the losing writer then simply updates the row the winner made.
 * Plain SQL, so it runs the same on H2 and PostgreSQL.
 */
final class Upsert {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SAVEPOINT = "upsert";

    private Upsert() {
    }

    /** Must run inside the caller's transaction. */
    static void updateOrInsert(Handle handle, IntSupplier update, Runnable insert) {
        if (update.getAsInt() > 0) {
            return;
        }
        handle.savepoint(SAVEPOINT);
        try {
            insert.run();
            handle.releaseSavepoint(SAVEPOINT);
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            handle.rollbackToSavepoint(SAVEPOINT);
            update.getAsInt();
        }
    }
}
