package se.planpuls.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.LoggerFactory;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;

/**
 * The service's database: a pooled connection to H2 or PostgreSQL, migrated by Flyway on open.
 * The only place that knows which database is underneath.
 */
public final class Database implements AutoCloseable {
    /**
     * The newest migration this build holds and how many there are, for each database; a test holds
     * both to what Flyway finds. A schema at exactly this state needs no Flyway at start.
     */
    static final String SCHEMA_VERSION = "160";
    static final int MIGRATIONS = 31;

    private final CompletableFuture<Opened> opened;
    /** What the services and Quartz use: the pool, or the pool whose writers wait for their group's store. */
    private final DataSource writers = new WhenOpen();
    private final Jdbi jdbi;
    private final String product;
    private final String schema;
    private final AtomicBoolean migrationsIntact = new AtomicBoolean(true);

    /** The parts an open database is made of, ready once the pool is open and the schema migrated. */
    private record Opened(HikariDataSource pool, GroupCommit commits, DataSource writers, String schemaVersion,
                          int pendingMigrations, Supplier<Flyway> unvalidated) {
    }

    private Database(CompletableFuture<Opened> opened, String product, String schema) {
        this.opened = opened;
        this.product = product;
        this.schema = schema;
        // Registered as instances rather than by annotation on the DAO: Jdbi instantiates annotated
        // mapper classes reflectively, which would force them to be public.
        this.jdbi = Jdbi.create(writers).installPlugin(new SqlObjectPlugin())
                // A failed statement's message would otherwise carry its bound arguments (a whole
                // plan with owners' e-mails) into the log; the cause still names what went wrong.
                .configure(StatementExceptions.class,
                        exceptions -> exceptions.setMessageRendering(StatementExceptions.MessageRendering.NONE))
                .registerRowMapper(MilestoneView.class, new MilestoneViewMapper())
                .registerRowMapper(Milestone.class, new MilestoneViewMapper.MilestoneOnly());
    }

    /** Opens a pool on {@code jdbcUrl}, migrates the schema to the latest version and returns it. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /** As {@link #open(String)}, inside {@code schema} (created when missing) when it is not null. */
    public static Database open(String jdbcUrl, String schema) {
        return new Database(CompletableFuture.completedFuture(connect(jdbcUrl, schema)), productOf(jdbcUrl), schema);
    }

    /**
     * Opens the database on a thread of its own and returns at once, so that a start can put the rest
     * of the service together meanwhile: opening the embedded database is a good part of a start, and
     * the rest needs no connection until it runs. Whoever asks for a connection first waits for the
     * open; {@link #awaitOpen} says whether it succeeded.
     */
    public static Database opening(String jdbcUrl) {
        var opened = new CompletableFuture<Opened>();
        Thread opener = new Thread(() -> {
            try {
                opened.complete(connect(jdbcUrl, null));
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        }, "planpuls-database-open");
        opener.setDaemon(true);
        opener.start();
        return new Database(opened, productOf(jdbcUrl), null);
    }

    /** Waits until the database is open and migrated; throws what the open failed with. */
    public Database awaitOpen() {
        parts();
        return this;
    }

    private Opened parts() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private static Opened connect(String jdbcUrl, String schema) {
        // An embedded file keeps commits in memory (H2's usual delay, named because a file remembers the
        // delay it was last opened with) and has them written in groups before a writer goes on;
        // migrations, each statement its own commit, are written once at the end.
        boolean grouped = groupsCommits(jdbcUrl);
        String url = withQueryCache(withoutH2ShutdownHook(grouped ? compactedByStores(jdbcUrl + ";WRITE_DELAY=500") : jdbcUrl));
        HikariDataSource dataSource = null;
        GroupCommit commits = null;
        try {
            dataSource = pool(jdbcUrl, url, schema);
            if (grouped) {
                commits = GroupCommit.on(url);
            }
            DataSource writers = commits == null ? dataSource : new GroupCommitDataSource(dataSource, commits);
            HikariDataSource migrated = dataSource;
            Supplier<Flyway> flyway = () -> flyway(jdbcUrl, schema, migrated);
            // Starting Flyway (its plugins, a scan of the jar, every migration read for its checksum) was
            // a third of a start: a schema whose history holds exactly this build's migrations, all
            // applied, is checked against their checksums after the start instead (validateMigrations).
            if (SchemaHistory.read(dataSource).isAt(SCHEMA_VERSION, MIGRATIONS)) {
                return new Opened(dataSource, commits, writers, SCHEMA_VERSION, 0, flyway);
            }
            Flyway loaded = flyway.get();
            loaded.migrate();
            if (commits != null) {
                commits.await();
            }
            // One look at where the schema stands: each info() scans the migrations and reads the history again.
            MigrationInfoService info = loaded.info();
            MigrationInfo current = info.current();
            String version = current == null ? "none" : current.getVersion().getVersion();
            return new Opened(dataSource, commits, writers, version, info.pending().length, null);
        } catch (Exception e) {
            if (dataSource != null) {
                dataSource.close();
            }
            if (commits != null) {
                commits.close();
            }
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private static Flyway flyway(String jdbcUrl, String schema, DataSource dataSource) {
        var flyway = Flyway.configure()
                // The portable migrations, then the few one database can only say in its own
                // dialect (a trigger), under the same version numbers for both.
                .locations("classpath:db/migration", jdbcUrl.startsWith("jdbc:postgresql:")
                        ? "classpath:db/postgresql" : "classpath:db/h2")
                .dataSource(dataSource);
        if (schema != null) {
            flyway.schemas(schema).createSchemas(true);
        }
        return flyway.load();
    }

    /**
     * Checks the applied migrations' checksums against this build's when the start took the short
     * way past Flyway; a migration changed after it was applied logs an error and makes the database
     * count as not migrated (the service is then not ready). Returns whether they match.
     */
    public boolean validateMigrations() {
        Supplier<Flyway> flyway = parts().unvalidated();
        if (flyway == null) {
            return true;
        }
        var result = flyway.get().validateWithResult();
        if (!result.validationSuccessful) {
            migrationsIntact.set(false);
            LoggerFactory.getLogger(Database.class).error(
                    "The applied migrations differ from this build's: {}", result.getAllErrorMessages());
        }
        return result.validationSuccessful;
    }

    /** The name Flyway, the health check and Quartz know the database by. */
    private static String productOf(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
    }

    private static HikariDataSource pool(String jdbcUrl, String pooledUrl, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pooledUrl);
        config.setPoolName("planpuls");
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // PostgreSQL's error detail repeats the failing row ("Failing row contains (…, name, e-mail …)"),
            // which would put personal data into the log of any failed statement.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        config.setMaximumPoolSize(16);
        config.setInitializationFailTimeout(10_000);
        if (schema != null) {
            config.setSchema(schema);
        }
        return new HikariDataSource(config);
    }

    /**
     * H2 closes its databases in a JVM shutdown hook of its own, which runs alongside the service's:
     * sends still under way at SIGTERM could then not record their outcome (and would go out again).
     * The service closes the database itself, last.
     */
    static String withoutH2ShutdownHook(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * An embedded H2 file keeps commits in memory for up to half a second by default
     * ({@code WRITE_DELAY=500}), so a report the bot has confirmed could be lost if the process were
     * killed: such a file has its commits written in groups ({@link GroupCommit}) before a writer
     * goes on. A URL that sets its own write delay is left to it.
     */
    static boolean groupsCommits(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY");
    }

    /**
     * H2's background writer compacts the file whenever less than 90 % of it is live
     * ({@code AUTO_COMPACT_FILL_RATE=90}); under a crowd of card submits, each store leaving a chunk
     * mostly outdated, it compacted without pause beside the writers, and a submit's p99 at 500/s
     * was 36-97 ms. Each group commit's store ({@code CHECKPOINT}) compacts up to 4 MB by itself
     * once less than half the file is live, which keeps the file the same size under that load
     * (2.0-2.1 GB after 180,000 submits either way) with a p99 of 18-28 ms. A URL that sets its own
     * rate is left to it.
     */
    static String compactedByStores(String jdbcUrl) {
        if (jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("AUTO_COMPACT_FILL_RATE")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";AUTO_COMPACT_FILL_RATE=0";
    }

    /**
     * H2 keeps the 8 statements a connection prepared last ({@code QUERY_CACHE_SIZE=8}); a bot turn
     * runs more distinct statements than that, so each was parsed and planned again on every turn:
     * two thirds of H2's time in a profile of {@code mina milstolpar}. 256 holds every statement
     * Planpuls has.
     */
    static String withQueryCache(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";QUERY_CACHE_SIZE=256";
    }

    /** The services' way in; JDBI stays inside this module. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** The group commit of an embedded file, or null where the database makes commits durable itself. */
    GroupCommit commits() {
        return parts().commits();
    }

    /**
     * The pool, for Quartz's job store, which keeps its tables in the same database. Asked for a
     * connection while the database is still opening, it waits for the open.
     */
    public DataSource dataSource() {
        return writers;
    }

    /** Publishes the connection pool's use (active, idle, pending, wait times) to {@code registry}; once. */
    public void publishMetrics(MeterRegistry registry) {
        opened.thenAccept(parts -> parts.pool().setMetricRegistry(registry));
    }

    /** The schema this database was opened in, or null for the connection's default. */
    public String schema() {
        return schema;
    }

    /** The database product name, such as {@code H2} or {@code PostgreSQL}. */
    public String product() {
        return product;
    }

    /** Checks the connection and reports the applied schema version. */
    public Health health() {
        try {
            Integer one = jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return new Health(one != null && one == 1, product, parts().schemaVersion());
        } catch (RuntimeException e) {
            return new Health(false, product, opened.isDone() && !opened.isCompletedExceptionally()
                    ? parts().schemaVersion() : "unknown");
        }
    }

    public record Health(boolean up, String product, String schemaVersion) {
    }

    /** True when every migration this build knows was applied when the database was opened. */
    public boolean migrated() {
        return parts().pendingMigrations() == 0 && migrationsIntact.get();
    }

    @Override
    public void close() {
        Opened parts;
        try {
            parts = parts();
        } catch (RuntimeException e) {
            return; // an open that failed closed what it had opened
        }
        parts.pool().close();
        GroupCommit commits = parts.commits();
        if (commits != null) {
            // The database closes with its last connection, and writes what is left as it does.
            commits.close();
        }
    }

    /** The writers' pool once the database is open; asked before, it waits for the open. */
    private final class WhenOpen implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return parts().writers().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return parts().writers().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return parts().writers().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            parts().writers().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            parts().writers().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return parts().writers().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("se.planpuls.db");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return parts().writers().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return parts().writers().isWrapperFor(type);
        }
    }
}
