package se.planpuls.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import se.planpuls.bot.BotServices;
import se.planpuls.bot.BotSettings;
import se.planpuls.bot.TeamsBot;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.ConversationService;
import se.planpuls.db.Database;
import se.planpuls.db.FanOutFixtures;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.PlanLoader;
import se.planpuls.db.ReminderService;
import se.planpuls.db.ReportService;
import se.planpuls.db.TestDatabases;
import se.planpuls.scheduler.ReminderDispatcher;

/**
 * The load run behind the README's fan-out figures (not part of {@code mvn verify}): N owners, each
 * with one milestone due in 5 working days and a stored personal chat, get their reminder through
 * the real path (planner, sent-log, dispatcher, bot, Bot Framework SDK) from a local connector that
 * enforces Teams' limits; then the job runs again. Arguments: owner count (default 10000),
 * {@code h2} (default) or {@code postgres}, and the number of instances (default 1) fanning out the
 * same reminders at once, each with its own bot and dispatcher, sharing the database and the connector.
 *
 * <pre>mvn -B -Pbenchmark -pl api -am verify -DskipTests -Dbenchmark.owners=10000 -Dbenchmark.db=h2</pre>
 */
public final class FanOutBenchmark {
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T07:30:00Z"), WorkingCalendar.ZONE);

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int owners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean postgres = args.length > 1 && args[1].equalsIgnoreCase("postgres");
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path dir = Files.createTempDirectory("planpuls-fanout");
        Database database = postgres ? TestDatabases.postgres() : Database.open("jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        try (var connector = new TeamsLimitedConnector(7, 50)) {
            long planId = new PlanLoader(database, MONDAY).loadDefaultIfMissing().orElseThrow();
            FanOutFixtures.ownersWithOneMilestoneEach(database, planId, owners, LocalDate.parse("2026-11-30"),
                    connector.url(), MONDAY.instant());
            var reminders = new ReminderService(database, MONDAY, WorkingCalendar.sweden());
            var waiting = new java.util.concurrent.atomic.AtomicLong();
            var sending = new java.util.concurrent.atomic.AtomicLong();
            var lookups = new java.util.concurrent.atomic.AtomicLong();
            var dispatchers = new java.util.ArrayList<ReminderDispatcher>();
            for (int i = 0; i < instances; i++) {
                var bot = TeamsBot.create(new BotSettings("", "", ""), new BotServices(new OwnerService(database, MONDAY),
                        new MilestoneService(database, MONDAY), new ReportService(database, MONDAY),
                        new ConversationService(database, MONDAY)), MONDAY);
                se.planpuls.domain.reminder.ReminderSender timed = (reminder, pace) -> {
                    long called = System.nanoTime();
                    long[] paced = new long[2];
                    return bot.send(reminder, () -> {
                        paced[0] = System.nanoTime();
                        pace.run();
                        paced[1] = System.nanoTime();
                    }).whenComplete((r, e) -> {
                        lookups.addAndGet(paced[0] - called);
                        waiting.addAndGet(paced[1] - paced[0]);
                        sending.addAndGet(System.nanoTime() - paced[1]);
                    });
                };
                dispatchers.add(ReminderDispatcher.teams(new ReminderService(database, MONDAY, WorkingCalendar.sweden()),
                        timed, MONDAY));
            }
            try {
                long start = System.nanoTime();
                var due = reminders.due(reminders.today());
                long planned = System.nanoTime();
                var runs = dispatchers.stream().map(d -> d.dispatch(due)).toList();
                var summaries = new java.util.ArrayList<se.planpuls.scheduler.DispatchSummary>();
                for (var run : runs) {
                    summaries.add(run.get());
                }
                long sent = System.nanoTime();
                var again = dispatchers.get(0).dispatch(reminders.due(reminders.today())).get();
                long rerun = System.nanoTime();

                int total = summaries.stream().mapToInt(se.planpuls.scheduler.DispatchSummary::sent).sum();
                double fanOut = (sent - planned) / 1e9;
                System.out.println();
                System.out.printf(Locale.ROOT, "Fan-out of %d owners on %s, %d instance(s)%n", owners,
                        database.product(), instances);
                System.out.printf(Locale.ROOT, "  planning (due reminders found): %d in %.2f s%n", due.size(),
                        (planned - start) / 1e9);
                System.out.printf(Locale.ROOT, "  first run:  %s in %.1f s = %.1f sends/s%n", summaries, fanOut,
                        total / fanOut);
                System.out.printf(Locale.ROOT, "  connector:  %d accepted, %d answered 429, at most %d in any second, "
                        + "%.1f sends/s from first to last%n", connector.accepted(), connector.throttled(),
                        connector.mostInOneSecond(), (connector.accepted() - 1) / connector.acceptingSeconds());
                int n = Math.max(1, connector.accepted() + connector.throttled());
                System.out.printf(Locale.ROOT, "  per send (mean): %.1f ms reading, %.1f ms waiting for a slot, "
                        + "%.1f ms sending%n", lookups.get() / 1e6 / n, waiting.get() / 1e6 / n, sending.get() / 1e6 / n);
                System.out.printf(Locale.ROOT, "  second run: %s in %.2f s%n", again, (rerun - sent) / 1e9);
            } finally {
                dispatchers.forEach(ReminderDispatcher::close);
            }
        } finally {
            TestDatabases.dispose(database);
        }
        System.exit(0);
    }
}
