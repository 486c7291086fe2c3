package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.NewReport;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Reporter;
import se.planpuls.domain.Status;

/**
 * Reads of a whole plan take each milestone's latest report from {@code latest_reports}, which the
 * database keeps on every write; these tests hold it to what the append-only history says, the
 * report with the highest id per milestone, column by column.
 */
class LatestReportTest {
    private static final String COLUMNS = """
            milestone_id, status, comment, reporter_owner_id, reporter_name, on_behalf_of_id, source, reported_at,
            at_risk, expected_date""";

    /** The latest report per milestone as the history computes it. */
    private static List<String> fromHistory(Database db) {
        return rows(db, "SELECT r.id, " + prefixed("r") + " FROM status_reports r"
                + " WHERE r.id = (SELECT MAX(r2.id) FROM status_reports r2 WHERE r2.milestone_id = r.milestone_id)"
                + " ORDER BY r.milestone_id");
    }

    private static List<String> kept(Database db) {
        return rows(db, "SELECT l.report_id, " + prefixed("l") + " FROM latest_reports l ORDER BY l.milestone_id");
    }

    private static String prefixed(String alias) {
        return String.join(", ", java.util.Arrays.stream(COLUMNS.split(","))
                .map(c -> alias + "." + c.strip()).toList());
    }

    private static List<String> rows(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).map((rs, ctx) -> {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.append(rs.getString(c)).append('|');
            }
            return row.toString();
        }).list());
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void after_mixed_writes_each_milestone_s_kept_report_is_its_highest_id(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            Owner anna = f.owner("Anna Berg", "anna@example.com", null);
            Owner bo = f.owner("Bo Ek", "bo@example.com", null);
            List<Long> ids = new ArrayList<>();
            for (String code : List.of("MED-1", "MED-2", "MED-3")) {
                ids.add(f.assign(code, anna).milestone().id());
            }
            long bos = f.assign("MED-4", bo).milestone().id();
            var random = new Random(3);
            for (int i = 0; i < 60; i++) {
                long id = ids.get(random.nextInt(ids.size()));
                Status status = Status.values()[random.nextInt(Status.values().length)];
                boolean risk = random.nextInt(4) == 0;
                switch (random.nextInt(3)) {
                    // Through the service, as the bot and the API write.
                    case 0 -> f.reports.report(new NewReport(id, status, "svar " + i, Reporter.owner(anna), "bot",
                            null, risk, risk ? Fixtures.NOW.atZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE)
                                    .toLocalDate().plusDays(9) : null, List.of()));
                    // In plain SQL, as imports and other modules' tests write, dated out of order.
                    case 1 -> TestDatabases.execute(f.database, """
                            INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source, reported_at)
                            VALUES (?, ?, ?, 'Import', 'import', ?)""", id, status.name(), "rad " + i,
                            java.sql.Timestamp.from(Fixtures.NOW.minusSeconds(random.nextInt(100_000))));
                    // Written and then rolled back: neither the report nor its copy stays.
                    default -> assertThatThrownBy(() -> f.database.jdbi().useTransaction(h -> {
                        h.execute("INSERT INTO status_reports (milestone_id, status, comment, reporter_name, source,"
                                + " reported_at) VALUES (?, 'REACHED', 'ångras', 'X', 'bot', ?)", id,
                                java.sql.Timestamp.from(Fixtures.NOW));
                        throw new IllegalStateException("rolled back");
                    })).hasMessage("rolled back");
                }
            }
            f.reports.report(new NewReport(bos, Status.IN_PROGRESS, "mitt", Reporter.owner(bo), "bot", null));
            // The one change the history allows: an erased owner's name put out of sight, in the copy too.
            f.owners.erase(bo.id(), null, Actor.SYSTEM);

            assertThat(kept(f.database)).isEqualTo(fromHistory(f.database)).hasSize(4);
            assertThat(kept(f.database)).anyMatch(row -> row.contains("|former owner|"));
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void writers_at_the_same_moment_leave_each_milestone_with_its_highest_id(TestDatabases.Kind kind)
            throws Exception {
        try (var f = new Fixtures(kind.open())) {
            Owner anna = f.owner("Anna Berg", "anna@example.com", null);
            // Fresh milestones: the first reports race to create the kept row as well.
            List<Long> ids = new ArrayList<>();
            for (String code : List.of("MED-1", "MED-2")) {
                ids.add(f.assign(code, anna).milestone().id());
            }
            var start = new CountDownLatch(1);
            List<CompletableFuture<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < 15; i++) {
                        long id = ids.get((writer + i) % ids.size());
                        Status status = Status.values()[(writer + i) % Status.values().length];
                        f.reports.report(new NewReport(id, status, writer + ":" + i, Reporter.owner(anna), "bot",
                                null));
                    }
                }));
            }
            start.countDown();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

            int reports = f.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM status_reports")
                    .mapTo(Integer.class).one());
            assertThat(reports).isEqualTo(8 * 15);
            assertThat(kept(f.database)).isEqualTo(fromHistory(f.database)).hasSize(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
