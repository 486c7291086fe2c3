package se.planpuls.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import se.planpuls.db.Database;

/** Quartz's configuration: in memory, or its clustered JDBC job store over the service's own pool. */
final class QuartzStore {
    static final String NAME = "planpuls";

    private QuartzStore() {
    }

    static Properties inMemory() {
        Properties properties = common();
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return properties;
    }

    /**
     * The JDBC job store over {@code database}'s pool. Quartz's own pool (c3p0) is not on the class
     * path, so a {@link ConnectionProvider} hands it our connections; the provider's name is unique
     * because Quartz keeps providers in a JVM-wide registry.
     */
    static Properties jdbc(Database database) {
        String dataSourceName = "planpuls-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledProvider(database.dataSource()));
        Properties properties = common();
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "PostgreSQL".equals(database.product())
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Unique per instance, also for several instances in one JVM (AUTO uses host name and time).
        properties.setProperty("org.quartz.scheduler.instanceId", NAME + "-" + UUID.randomUUID());
        return properties;
    }

    private static Properties common() {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", NAME);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        return properties;
    }

    /**
     * A new scheduler. Quartz also keeps schedulers in a JVM-wide registry by name and would hand
     * back the first one; dropping it from the registry lets several instances (tests, a second
     * service in one JVM) share a cluster name.
     */
    static Scheduler newScheduler(Properties properties) throws SchedulerException {
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        SchedulerRepository.getInstance().remove(NAME);
        return scheduler;
    }

    /**
     * Schedules a task's job unless the store already holds its trigger with the same cron and zone:
     * replacing it would forget a run missed while the service was down, which then fires once at start.
     */
    static void scheduleKeepingState(Scheduler quartz, JobDetail job, Trigger trigger, String cron, ZoneId zone)
            throws SchedulerException {
        Trigger existing = quartz.getTrigger(trigger.getKey());
        if (existing instanceof CronTrigger cronTrigger && cron.equals(cronTrigger.getCronExpression())
                && zone.getId().equals(cronTrigger.getTimeZone().getID())) {
            return;
        }
        quartz.scheduleJob(job, Set.of(trigger), true);
    }

    /**
     * Removes a stopped instance's row from the cluster's check-in table. Quartz leaves it behind on
     * shutdown, and another instance would then wait for it to age and "recover" an instance that
     * left cleanly (harmless, but noisy, and the table keeps ghosts while no other instance runs).
     */
    static void leaveCluster(Database database, String instanceId) {
        try (Connection connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement(
                     "DELETE FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?")) {
            statement.setString(1, NAME);
            statement.setString(2, instanceId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not leave the schedule's cluster", e);
        }
    }

    private record PooledProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the service's Database, which closes it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the pool is already open.
        }
    }
}
