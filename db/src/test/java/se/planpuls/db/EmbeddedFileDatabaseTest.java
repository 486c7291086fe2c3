package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file database as the service opens it: commits kept in memory with H2's usual delay,
 * and written to the file, in groups, before whoever wrote goes on.
 */
class EmbeddedFileDatabaseTest {

    @TempDir
    Path dir;

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Test
    void a_new_file_is_migrated_and_keeps_its_commits_in_memory_until_a_writer_needs_them_stored() {
        try (var db = Database.open(url("planpuls"))) {
            assertThat(db.migrated()).isTrue();
            assertThat(writeDelay(db)).isEqualTo("500");
        }
        try (var again = Database.open(url("planpuls"))) {
            assertThat(again.migrated()).isTrue();
            assertThat(writeDelay(again)).as("opened again, with the schema in place").isEqualTo("500");
        }
    }

    @Test
    void a_file_an_earlier_build_left_writing_every_commit_on_its_own_is_opened_to_group_them() {
        try (var earlier = Database.open(url("planpuls") + ";WRITE_DELAY=0")) {
            assertThat(writeDelay(earlier)).isEqualTo("0");
        }
        try (var db = Database.open(url("planpuls"))) {
            assertThat(writeDelay(db)).isEqualTo("500");
        }
    }

    @Test
    void a_file_is_compacted_by_the_stores_of_its_writers_not_by_a_background_writer_beside_them() {
        try (var db = Database.open(url("planpuls"))) {
            assertThat(setting(db, "AUTO_COMPACT_FILL_RATE")).isEqualTo("0");
        }
        try (var db = Database.open(url("other") + ";AUTO_COMPACT_FILL_RATE=80")) {
            assertThat(setting(db, "AUTO_COMPACT_FILL_RATE")).as("as the URL says").isEqualTo("80");
        }
    }

    @Test
    void an_explicit_write_delay_in_the_url_is_left_as_given() {
        try (var db = Database.open(url("planpuls") + ";WRITE_DELAY=200")) {
            assertThat(writeDelay(db)).isEqualTo("200");
        }
    }

    @Test
    void what_a_writer_committed_is_in_the_file_when_it_goes_on() throws Exception {
        try (var db = Database.open(url("planpuls"))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(20))"));
            db.jdbi().useTransaction(h -> h.execute("INSERT INTO notes VALUES (1, 'in a transaction')"));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO notes VALUES (2, 'on its own')"));
            // A copy of the file as it stands now is what a process killed at this moment leaves behind.
            assertThat(notesInCopy("planpuls", "killed-here")).containsExactly("in a transaction", "on its own");
        }
    }

    @Test
    void writers_at_the_same_time_each_find_their_commits_in_the_file() throws Exception {
        try (var db = Database.open(url("planpuls"))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(20))"));
            ExecutorService writers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int first = t * 25;
                    done.add(writers.submit(() -> {
                        for (int i = first; i < first + 25; i++) {
                            int id = i;
                            db.jdbi().useTransaction(h -> h.execute("INSERT INTO notes VALUES (?, 'note')", id));
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdown();
            }
            assertThat(notesInCopy("planpuls", "all-written")).hasSize(200);
            assertThat(db.commits().counts().stores()).as("stores for 200 writes from 8 writers at once").isLessThan(200);
        }
    }

    @Test
    void a_reader_does_not_ask_for_a_store_and_a_writer_asks_once() {
        try (var db = Database.open(url("planpuls"))) {
            long before = db.commits().counts().requests();
            db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM milestones").mapTo(Integer.class).one());
            db.jdbi().inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM owners").mapTo(Integer.class).one());
            assertThat(db.commits().counts().requests()).as("stores asked for by readers").isEqualTo(before);
            db.jdbi().useTransaction(h -> {
                h.execute("CREATE TABLE notes (id INT PRIMARY KEY)");
                h.execute("INSERT INTO notes VALUES (1)");
            });
            assertThat(db.commits().counts().requests()).as("stores asked for by one writer").isEqualTo(before + 1);
        }
    }

    @Test
    void an_update_or_delete_that_finds_no_row_asks_for_no_store_and_one_that_changes_a_row_does() throws Exception {
        try (var db = Database.open(url("planpuls"))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(20))"));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO notes VALUES (1, 'first')"));
            long before = db.commits().counts().requests();
            db.jdbi().useTransaction(h -> {
                h.createUpdate("UPDATE notes SET text = 'first' WHERE id = 1 AND text <> 'first'").execute();
                h.createUpdate("DELETE FROM notes WHERE id = 2").execute();
            });
            assertThat(db.commits().counts().requests()).as("stores asked for by writes that found nothing").isEqualTo(before);
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE notes SET text = 'changed' WHERE id = 1").execute());
            assertThat(db.commits().counts().requests()).isEqualTo(before + 1);
            assertThat(notesInCopy("planpuls", "updated")).containsExactly("changed");
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM notes WHERE id = 1").execute());
            assertThat(notesInCopy("planpuls", "deleted")).isEmpty();
        }
    }

    @Test
    void statements_that_may_write_are_told_from_queries() {
        assertThat(GroupCommitDataSource.changesOnlyWhatItFinds(" update owners SET x = 1")).isTrue();
        assertThat(GroupCommitDataSource.changesOnlyWhatItFinds("DELETE FROM pending_answers")).isTrue();
        assertThat(GroupCommitDataSource.changesOnlyWhatItFinds("INSERT INTO notes VALUES (1)")).isFalse();
        assertThat(GroupCommitDataSource.writes("SELECT 1")).isFalse();
        assertThat(GroupCommitDataSource.writes("  \n select * from x")).isFalse();
        assertThat(GroupCommitDataSource.writes("-- the owner\nSELECT id FROM owners")).isFalse();
        assertThat(GroupCommitDataSource.writes("/* card */ (SELECT 1) UNION (SELECT 2)")).isFalse();
        assertThat(GroupCommitDataSource.writes("VALUES (1)")).isFalse();
        assertThat(GroupCommitDataSource.writes("INSERT INTO notes VALUES (1)")).isTrue();
        assertThat(GroupCommitDataSource.writes("update owners set name = ?")).isTrue();
        assertThat(GroupCommitDataSource.writes("DELETE FROM pending_answers")).isTrue();
        assertThat(GroupCommitDataSource.writes("MERGE INTO latest_reports KEY (milestone_id) VALUES (1, 2)")).isTrue();
        assertThat(GroupCommitDataSource.writes("WITH x AS (SELECT 1) SELECT * FROM x")).as("not named: taken to write").isTrue();
        assertThat(GroupCommitDataSource.writes("/* never closed")).isTrue();
        assertThat(GroupCommitDataSource.writes("")).isTrue();
    }

    private List<String> notesInCopy(String name, String copyName) throws Exception {
        Files.copy(dir.resolve(name + ".mv.db"), dir.resolve(copyName + ".mv.db"));
        try (var connection = java.sql.DriverManager.getConnection(url(copyName));
             var rows = connection.createStatement().executeQuery("SELECT text FROM notes ORDER BY id")) {
            List<String> texts = new ArrayList<>();
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
            return texts;
        }
    }

    private static String writeDelay(Database db) {
        return setting(db, "WRITE_DELAY");
    }

    private static String setting(Database db, String name) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT setting_value FROM information_schema.settings WHERE setting_name = :name")
                .bind("name", name).mapTo(String.class).one());
    }
}
