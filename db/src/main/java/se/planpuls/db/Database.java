package se.planpuls.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;

/**
 * The service's database: a pooled connection to H2 or PostgreSQL, migrated by Flyway on open.
 * The only place that knows which database is underneath.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    /** What the services and Quartz use: the pool, or the pool whose writers wait for their group's store. */
    private final DataSource writers;
    private final GroupCommit commits;
    private final Jdbi jdbi;
    private final String product;
    private final String schemaVersion;
    private final int pendingMigrations;

    private Database(HikariDataSource dataSource, GroupCommit commits, String product, String schemaVersion,
                     int pendingMigrations) {
        this.dataSource = dataSource;
        this.commits = commits;
        this.writers = commits == null ? dataSource : new GroupCommitDataSource(dataSource, commits);
        this.product = product;
        this.schemaVersion = schemaVersion;
        this.pendingMigrations = pendingMigrations;
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
        // An embedded file keeps commits in memory (H2's usual delay, named because a file remembers the
        // delay it was last opened with) and has them written in groups before a writer goes on;
        // migrations, each statement its own commit, are written once at the end.
        boolean grouped = groupsCommits(jdbcUrl);
        String url = withQueryCache(withoutH2ShutdownHook(grouped ? jdbcUrl + ";WRITE_DELAY=500" : jdbcUrl));
        HikariDataSource dataSource = null;
        GroupCommit commits = null;
        try {
            dataSource = pool(jdbcUrl, url, schema);
            if (grouped) {
                commits = GroupCommit.on(url);
            }
            var flyway = Flyway.configure()
                    // The portable migrations, then the few one database can only say in its own
                    // dialect (a trigger), under the same version numbers for both.
                    .locations("classpath:db/migration", jdbcUrl.startsWith("jdbc:postgresql:")
                            ? "classpath:db/postgresql" : "classpath:db/h2")
                    .dataSource(dataSource);
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            Flyway loaded = flyway.load();
            loaded.migrate();
            if (commits != null) {
                commits.await();
            }
            // One look at where the schema stands: each info() scans the migrations and reads the history again.
            MigrationInfoService info = loaded.info();
            MigrationInfo current = info.current();
            int pending = info.pending().length;
            String version = current == null ? "none" : current.getVersion().getVersion();
            String product;
            try (var connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            }
            return new Database(dataSource, commits, product, version, pending);
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
        return commits;
    }

    /** The pool, for Quartz's job store, which keeps its tables in the same database. */
    public DataSource dataSource() {
        return writers;
    }

    /** Publishes the connection pool's use (active, idle, pending, wait times) to {@code registry}; once. */
    public void publishMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    /** The schema this database was opened in, or null for the connection's default. */
    public String schema() {
        return dataSource.getSchema();
    }

    /** The database product name, such as {@code H2} or {@code PostgreSQL}. */
    public String product() {
        return product;
    }

    /** Checks the connection and reports the applied schema version. */
    public Health health() {
        try {
            Integer one = jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return new Health(one != null && one == 1, product, schemaVersion);
        } catch (RuntimeException e) {
            return new Health(false, product, schemaVersion);
        }
    }

    public record Health(boolean up, String product, String schemaVersion) {
    }

    /** True when every migration this build knows was applied when the database was opened. */
    public boolean migrated() {
        return pendingMigrations == 0;
    }

    @Override
    public void close() {
        dataSource.close();
        if (commits != null) {
            // The database closes with its last connection, and writes what is left as it does.
            commits.close();
        }
    }
}
