package se.planpuls.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts what a piece of work costs the database while it is open: round trips (a JDBI handle,
 * i.e. a connection taken from the pool, with or without a transaction) and statements executed.
 */
public final class RoundTrips implements AutoCloseable {
    private final Database database;
    private final AtomicInteger handles = new AtomicInteger();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final HandleListener listener = new HandleListener() {
        @Override
        public void handleCreated(Handle handle) {
            handles.incrementAndGet();
        }
    };
    private final SqlLogger before;

    private RoundTrips(Database database) {
        this.database = database;
        this.before = database.jdbi().getConfig(SqlStatements.class).getSqlLogger();
        database.jdbi().getConfig(org.jdbi.v3.core.Handles.class).addListener(listener);
        database.jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRenderedSql().strip().replaceAll("\\s+", " "));
            }
        });
    }

    /** Starts counting on {@code database}; close to stop. */
    public static RoundTrips count(Database database) {
        return new RoundTrips(database);
    }

    public int handles() {
        return handles.get();
    }

    public int statements() {
        return statements.size();
    }

    /** The statements executed, in order, each on one line. */
    public List<String> sql() {
        return List.copyOf(statements);
    }

    @Override
    public void close() {
        database.jdbi().getConfig(org.jdbi.v3.core.Handles.class).removeListener(listener);
        database.jdbi().getConfig(SqlStatements.class).setSqlLogger(before);
    }
}
