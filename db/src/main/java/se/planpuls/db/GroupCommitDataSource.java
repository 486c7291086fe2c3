package se.planpuls.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as the services and Quartz see it when commits are stored in groups: a connection that
 * wrote waits, once handed back, until what it committed is in the file, so that whoever wrote
 * through it only goes on (and, say, confirms a report) once the write is durable. A connection
 * counts as written when it prepared anything but a query, except an UPDATE or a DELETE, which
 * count when they changed a row.
 */
final class GroupCommitDataSource implements DataSource {
    private final DataSource pool;
    private final GroupCommit commits;

    GroupCommitDataSource(DataSource pool, GroupCommit commits) {
        this.pool = pool;
        this.commits = commits;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tracked(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return tracked(pool.getConnection(username, password));
    }

    private Connection tracked(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Tracked(connection, commits));
    }

    /**
     * Whether a statement may change the database. Conservative: only what starts with SELECT,
     * VALUES or EXPLAIN reads; anything else (a write, a schema change, a statement nobody named) is
     * taken to write, which costs at most a wait for a store that has nothing new to write.
     */
    static boolean writes(String sql) {
        String keyword = firstKeyword(sql);
        return !(keyword.startsWith("SELECT") || keyword.startsWith("VALUES") || keyword.startsWith("EXPLAIN"));
    }

    /** The first eight characters after blanks, comments and opening brackets, in upper case. */
    private static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return sql.substring(i, Math.min(n, i + 8)).toUpperCase(Locale.ROOT);
    }

    private static final class Tracked implements InvocationHandler {
        private final Connection connection;
        private final GroupCommit commits;
        private boolean wrote;
        private boolean closed;

        Tracked(Connection connection, GroupCommit commits) {
            this.connection = connection;
            this.commits = commits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "prepareStatement", "prepareCall" -> {
                    String sql = (String) args[0];
                    if (changesOnlyWhatItFinds(sql)) {
                        return counted((PreparedStatement) call(method, args), method.getReturnType());
                    }
                    wrote |= writes(sql);
                }
                case "createStatement" -> wrote = true;
                case "close" -> {
                    if (closed) {
                        return null;
                    }
                    closed = true;
                    call(method, args);
                    if (wrote) {
                        commits.await();
                    }
                    return null;
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : connection.unwrap((Class<?>) args[0]);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || connection.isWrapperFor((Class<?>) args[0]);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                }
            }
            return call(method, args);
        }

        private Object call(Method method, Object[] args) throws Throwable {
            return forward(connection, method, args);
        }

        /**
         * An UPDATE or DELETE changes nothing when no row matches (a turn's "remember the locale
         * unless it is the same"): the connection counts as written only when its count says so.
         */
        private Object counted(PreparedStatement statement, Class<?> type) {
            InvocationHandler counting = (proxy, method, args) -> {
                Object result = forward(statement, method, args);
                switch (method.getName()) {
                    case "executeUpdate", "executeLargeUpdate", "getUpdateCount", "getLargeUpdateCount" ->
                            wrote |= ((Number) result).longValue() > 0;
                    case "executeBatch", "executeLargeBatch" -> wrote = true;
                    case "execute" -> wrote |= (Boolean) result;
                    default -> {
                    }
                }
                return result;
            };
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, counting);
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Whether {@code sql} is an UPDATE or a DELETE, which write only the rows they find. */
    static boolean changesOnlyWhatItFinds(String sql) {
        String keyword = firstKeyword(sql);
        return keyword.startsWith("UPDATE") || keyword.startsWith("DELETE");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
