package se.planpuls.db;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.planpuls.domain.InvalidInputException;

/**
 * Turns what two writers racing can cause (a unique-key violation that slipped past a service's own
 * check, a lock timeout, a serialization failure) into a conflict naming the field, instead of an
 * internal error; the caller can simply try again.
 */
final class Conflicts {
    private static final String UNIQUE_VIOLATION = "23505";

    private Conflicts() {
    }

    static <T> T guard(String field, Supplier<T> work) {
        try {
            return work.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || sql instanceof java.sql.SQLTransientException
                    || sql.getSQLState() != null && sql.getSQLState().startsWith("40"))) {
                throw new InvalidInputException(field, field + ".taken",
                        "another change with the same " + field + " was saved at the same time; read and try again");
            }
            throw e;
        }
    }

    /**
     * A unique-key clash, a lock timeout or a serialization failure anywhere in the chain: another
     * run or instance holds this row, so the caller leaves it to them.
     */
    static boolean heldElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals(UNIQUE_VIOLATION) || state.equals("HYT00") || state.equals("40001")
                        || state.equals("40P01") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
