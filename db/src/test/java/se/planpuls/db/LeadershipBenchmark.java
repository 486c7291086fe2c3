package se.planpuls.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * Reads at scale, shown by a load run (not a test, not in {@code mvn verify}): with 10,000
 * milestones, 500 owners and 1,000,000 status reports, the plan as the API reads it, a milestone
 * search, an owner's milestones ({@code mina milstolpar}), one milestone's card, the digest and the
 * annual review. Run:
 * <pre>mvn -q -pl db test-compile exec:java -Dexec.mainClass=se.planpuls.db.LeadershipBenchmark -Dexec.classpathScope=test</pre>
 * Arguments: {@code h2} (default) and/or {@code postgresql} (the test PostgreSQL at 127.0.0.1:5432).
 */
public final class LeadershipBenchmark {
    static final int MILESTONES = 10_000;
    static final int REPORTS = 1_000_000;
    static final int OWNERS = 500;
    static final Instant NOW = Instant.parse("2025-06-02T06:00:00Z");

    public static void main(String[] args) {
        List<String> kinds = args.length == 0 ? List.of("h2") : List.of(args);
        for (String kind : kinds) {
            // H2 hands back the last result of a statement it still holds when no table changed since, which
            // every repeat of one read over an unchanged database would measure; a digest or a review meets a
            // database changed since the week or the year before, so each run here reads for itself.
            Database db = kind.equalsIgnoreCase("postgresql") ? TestDatabases.postgres()
                    : Database.open("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                            + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
            if (db == null) {
                System.out.println("PostgreSQL unreachable at " + TestDatabases.POSTGRES_URL + "; skipped");
                continue;
            }
            try {
                run(db);
            } finally {
                TestDatabases.dispose(db);
            }
        }
    }

    static void run(Database db) {
        Clock clock = Clock.fixed(NOW, WorkingCalendar.ZONE);
        long started = System.nanoTime();
        long planId = new PlanLoader(db, clock).loadDefaultIfMissing().orElseThrow();
        populate(db, planId);
        if ("PostgreSQL".equals(db.product())) {
            // What autovacuum does after a bulk load in production: statistics and the visibility map.
            db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
        }
        System.out.printf("%s: %,d milestones, %,d reports loaded in %.1f s%n", db.product(), count(db, "milestones"),
                count(db, "status_reports"), (System.nanoTime() - started) / 1e9);
        var digests = new DigestService(db, clock);
        var reviews = new AnnualReviewService(db, clock, WorkingCalendar.sweden());
        var plans = new PlanService(db);
        var milestones = new MilestoneService(db, clock);
        Instant weekAgo = NOW.minus(Duration.ofDays(7));
        long busyOwner = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT owner_id FROM milestones WHERE owner_id IS NOT NULL GROUP BY owner_id ORDER BY COUNT(*) DESC, owner_id")
                .mapTo(Long.class).first());
        long oneMilestone = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT milestone_id FROM status_reports GROUP BY milestone_id ORDER BY COUNT(*) DESC, milestone_id")
                .mapTo(Long.class).first());
        measure(db.product() + " plan         ", () -> plans.plan(planId).groups().size());
        measure(db.product() + " search       ", () -> milestones.search(
                new se.planpuls.domain.MilestoneFilter("nummer 12", null, null, "in_progress")).size());
        measure(db.product() + " owner's list ", () -> milestones.ownCard(busyOwner,
                LocalDate.ofInstant(NOW, WorkingCalendar.ZONE)).items().size());
        measure(db.product() + " one card     ", () -> milestones.detail(oneMilestone).effects().size());
        measure(db.product() + " digest       ", () -> digests.digest(planId, weekAgo).areas().size());
        measure(db.product() + " annual review", () -> reviews.review(planId, 2025).entries().size());
        if (System.getenv("EXPLAIN") != null) {
            db.jdbi().useHandle(h -> h.createQuery("EXPLAIN ANALYZE " + System.getenv("EXPLAIN")).bind("planId", planId)
                    .bind("from", weekAgo).bind("to", NOW).mapTo(String.class).list().forEach(System.out::println));
        }
        var digest = digests.digest(planId, weekAgo);
        System.out.printf("  digest: %,d changes, %,d overdue, %,d at risk, %,d at risk through dependencies, "
                        + "%,d reports missing, %,d due in 30 days%n", digest.changes().size(), digest.overdue().size(),
                digest.atRisk().size(), digest.dependencyRisks().size(), digest.reportsMissing().size(),
                digest.dueSoon().size());
    }

    static void measure(String name, Supplier<Integer> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        int runs = 20;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("  %s: median %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms (%d runs after 5 warm-ups)%n",
                name, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[0], ms[runs - 1], runs);
    }

    private static long count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** 10,000 milestones over the plan's areas and years, 500 owners, a dependency chain per area, 1,000,000 reports. */
    private static void populate(Database db, long planId) {
        Random random = new Random(42);
        db.jdbi().useHandle(h -> {
            List<Long> areas = h.createQuery("SELECT id FROM areas WHERE plan_id = :p ORDER BY position")
                    .bind("p", planId).mapTo(Long.class).list();
            PreparedBatch owners = h.prepareBatch("INSERT INTO owners (name, email, created_at) VALUES (:n, :e, :t)");
            for (int i = 0; i < OWNERS; i++) {
                owners.bind("n", "Ägare " + i).bind("e", "owner" + i + "@example.com").bind("t", NOW).add();
            }
            owners.execute();
            List<Long> ownerIds = h.createQuery("SELECT id FROM owners ORDER BY id").mapTo(Long.class).list();
            PreparedBatch milestones = h.prepareBatch("""
                    INSERT INTO milestones (plan_id, area_id, position, code, title, description, reached_when, due_year,
                                            due_date, date_uncertain, owner_id)
                    VALUES (:plan, :area, :pos, :code, :title, 'Beskrivning', 'När det är gjort', :year, :date, FALSE, :owner)""");
            for (int i = 0; i < MILESTONES; i++) {
                int year = 2022 + random.nextInt(4);
                milestones.bind("plan", planId).bind("area", areas.get(i % areas.size())).bind("pos", 100 + i)
                        .bind("code", "B-" + i).bind("title", "Benchmarkmilstolpe nummer " + i).bind("year", year)
                        .bind("date", LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)))
                        .bind("owner", ownerIds.get(random.nextInt(ownerIds.size()))).add();
                if (milestones.size() == 2_000) {
                    milestones.execute();
                }
            }
            milestones.execute();
            List<Long> ids = h.createQuery("SELECT id FROM milestones WHERE plan_id = :p AND code LIKE 'B-%' ORDER BY id")
                    .bind("p", planId).mapTo(Long.class).list();
            PreparedBatch deps = h.prepareBatch(
                    "INSERT INTO milestone_dependencies (milestone_id, depends_on_id, source) VALUES (:m, :d, 'bench')");
            for (int i = 7; i < ids.size(); i += 2) {
                deps.bind("m", ids.get(i)).bind("d", ids.get(i - 7)).add();
            }
            deps.execute();
            String[] statuses = {"NOT_STARTED", "IN_PROGRESS", "REACHED"};
            long span = Duration.ofDays(730).toSeconds();
            Instant start = NOW.minus(Duration.ofDays(730));
            List<Long> order = new ArrayList<>();
            PreparedBatch reports = h.prepareBatch("""
                    INSERT INTO status_reports (milestone_id, status, comment, reporter_owner_id, reporter_name, source,
                                                reported_at, at_risk, expected_date)
                    VALUES (:m, :s, :c, NULL, 'Benchmark', 'bot', :t, :r, :e)""");
            for (int i = 0; i < REPORTS; i++) {
                // Reports are written in time order, so ids follow time as in production.
                Instant at = start.plusSeconds(span * i / REPORTS);
                boolean risk = random.nextInt(50) == 0;
                reports.bind("m", ids.get(random.nextInt(ids.size()))).bind("s", statuses[random.nextInt(3)])
                        .bind("c", "Kommentar " + i).bind("t", at).bind("r", risk)
                        .bind("e", risk ? LocalDate.of(2025, 12, 31) : null).add();
                if (reports.size() == 10_000) {
                    reports.execute();
                }
            }
            reports.execute();
            order.clear();
        });
    }
}
