package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A start past Flyway when the schema is already at this build's version, and the open of the
 * database beside the rest of a start.
 */
class SchemaStartTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("planpuls") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void the_version_and_count_a_start_compares_with_are_those_of_the_migrations_flyway_applies(TestDatabases.Kind kind) {
        try (var db = kind.open()) {
            assertThat(db.health().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(SchemaHistory.read(db.dataSource()))
                    .as("a fresh schema, migrated by Flyway, is at the version and count the build names")
                    .satisfies(history -> assertThat(history.isAt(Database.SCHEMA_VERSION, Database.MIGRATIONS)).isTrue());
        }
    }

    @Test
    void a_schema_missing_the_newest_migration_is_migrated_by_flyway_on_open() {
        Flyway.configure().dataSource(url(), "", "").locations("classpath:db/migration", "classpath:db/h2")
                .target("151").load().migrate();
        assertThat(history().isAt(Database.SCHEMA_VERSION, Database.MIGRATIONS)).isFalse();

        try (var db = Database.open(url())) {
            assertThat(db.migrated()).isTrue();
            assertThat(db.health().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
        }
        assertThat(history().isAt(Database.SCHEMA_VERSION, Database.MIGRATIONS)).isTrue();
    }

    @Test
    void a_schema_at_the_version_whose_applied_migrations_match_is_valid_after_the_short_start() {
        Database.open(url()).close();
        try (var db = Database.open(url())) {
            assertThat(db.migrated()).isTrue();
            assertThat(db.validateMigrations()).isTrue();
            assertThat(db.migrated()).isTrue();
        }
    }

    @Test
    void an_applied_migration_changed_since_is_found_after_the_short_start_and_the_database_is_not_ready() throws Exception {
        migratedThenHistoryChanged("SET \"checksum\" = 42 WHERE \"version\" = '151'");
        try (var db = Database.open(url())) {
            assertThat(db.migrated()).as("the history names every migration").isTrue();
            assertThat(db.validateMigrations()).isFalse();
            assertThat(db.migrated()).isFalse();
        }
    }

    @Test
    void a_failed_migration_in_the_history_sends_the_start_through_flyway_which_refuses_it() throws Exception {
        migratedThenHistoryChanged("SET \"success\" = FALSE WHERE \"version\" = '160'");
        assertThat(history().isAt(Database.SCHEMA_VERSION, Database.MIGRATIONS)).isFalse();
        assertThatThrownBy(() -> Database.open(url())).hasMessageContaining("160");
    }

    @Test
    void a_history_this_build_cannot_read_is_left_to_flyway() throws Exception {
        migratedThenHistoryChanged("SET \"version\" = 'v1.x' WHERE \"version\" = '160'");
        assertThat(history()).isEqualTo(SchemaHistory.NONE);
        assertThatThrownBy(() -> Database.open(url())).as("Flyway names what it cannot read")
                .hasMessageContaining("v1.x");
    }

    @Test
    void a_database_opening_beside_the_start_hands_out_connections_once_open() throws Exception {
        try (var db = Database.opening(url())) {
            try (var connection = db.dataSource().getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM plans")) {
                assertThat(rows.next()).isTrue();
            }
            assertThat(db.awaitOpen().migrated()).isTrue();
            assertThat(db.product()).isEqualTo("H2");
        }
    }

    @Test
    void a_database_that_cannot_open_says_why_when_awaited_and_to_whoever_asks_for_a_connection() {
        var db = Database.opening("jdbc:h2:file:" + dir.resolve("missing/planpuls") + ";IFEXISTS=TRUE");
        assertThatThrownBy(db::awaitOpen).hasMessageContaining("not found");
        assertThatThrownBy(() -> db.dataSource().getConnection()).hasMessageContaining("not found");
        db.close();
    }

    /** A database migrated by a start, whose history is then changed behind the service's back. */
    private void migratedThenHistoryChanged(String set) throws Exception {
        Database.open(url()).close();
        try (var connection = DriverManager.getConnection(url());
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"flyway_schema_history\" " + set);
        }
    }

    private SchemaHistory history() {
        try (var pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl(url());
            return SchemaHistory.read(pool);
        }
    }
}
