package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded file database as the service opens it: migrated with H2's usual delay, then durable. */
class EmbeddedFileDatabaseTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("planpuls") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Test
    void a_new_file_is_migrated_and_every_commit_after_opening_is_written_at_once() {
        try (var db = Database.open(url())) {
            assertThat(db.migrated()).isTrue();
            assertThat(writeDelay(db)).isEqualTo("0");
        }
        try (var again = Database.open(url())) {
            assertThat(again.migrated()).isTrue();
            assertThat(writeDelay(again)).as("opened again, with the schema in place").isEqualTo("0");
        }
    }

    @Test
    void an_explicit_write_delay_in_the_url_is_left_as_given() {
        try (var db = Database.open(url() + ";WRITE_DELAY=200")) {
            assertThat(writeDelay(db)).isEqualTo("200");
        }
    }

    private static String writeDelay(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
                .mapTo(String.class).one());
    }
}
