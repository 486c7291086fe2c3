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
 * enforces Teams' limits; then the job runs again. Arguments: owner count (default 10000) and
 * {@code h2} (default) or {@code postgres}.
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
        Path dir = Files.createTempDirectory("planpuls-fanout");
        Database database = postgres ? TestDatabases.postgres() : Database.open("jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        try (var connector = new TeamsLimitedConnector(7, 50)) {
            long planId = new PlanLoader(database, MONDAY).loadDefaultIfMissing().orElseThrow();
            FanOutFixtures.ownersWithOneMilestoneEach(database, planId, owners, LocalDate.parse("2026-11-30"),
                    connector.url(), MONDAY.instant());
            var bot = TeamsBot.create(new BotSettings("", "", ""), new BotServices(new OwnerService(database, MONDAY),
                    new MilestoneService(database, MONDAY), new ReportService(database, MONDAY),
                    new ConversationService(database, MONDAY)), MONDAY);
            var reminders = new ReminderService(database, MONDAY, WorkingCalendar.sweden());

            se.planpuls.domain.reminder.ReminderSender port = bot;
            var waiting = new java.util.concurrent.atomic.AtomicLong();
            var sending = new java.util.concurrent.atomic.AtomicLong();
            var lookups = new java.util.concurrent.atomic.AtomicLong();
            se.planpuls.domain.reminder.ReminderSender timed = (reminder, pace) -> {
                long called = System.nanoTime();
                long[] paced = new long[2];
                return port.send(reminder, () -> {
                    paced[0] = System.nanoTime();
                    pace.run();
                    paced[1] = System.nanoTime();
                }).whenComplete((r, e) -> {
                    lookups.addAndGet(paced[0] - called);
                    waiting.addAndGet(paced[1] - paced[0]);
                    sending.addAndGet(System.nanoTime() - paced[1]);
                });
            };
            try (var dispatcher = ReminderDispatcher.teams(reminders, timed, MONDAY)) {
                long start = System.nanoTime();
                var due = reminders.due(reminders.today());
                long planned = System.nanoTime();
                var summary = dispatcher.dispatch(due).get();
                long sent = System.nanoTime();
                var again = dispatcher.dispatch(reminders.due(reminders.today())).get();
                long rerun = System.nanoTime();

                double fanOut = (sent - planned) / 1e9;
                System.out.println();
                System.out.printf(Locale.ROOT, "Fan-out of %d owners on %s%n", owners, database.product());
                System.out.printf(Locale.ROOT, "  planning (due reminders found): %d in %.2f s%n", due.size(),
                        (planned - start) / 1e9);
                System.out.printf(Locale.ROOT, "  first run:  %s in %.1f s = %.1f sends/s%n", summary, fanOut,
                        summary.sent() / fanOut);
                System.out.printf(Locale.ROOT, "  connector:  %d accepted, %d answered 429, at most %d in any second, "
                        + "%.1f sends/s from first to last%n", connector.accepted(), connector.throttled(),
                        connector.mostInOneSecond(), (connector.accepted() - 1) / connector.acceptingSeconds());
                int n = Math.max(1, connector.accepted() + connector.throttled());
                System.out.printf(Locale.ROOT, "  per send (mean): %.1f ms reading, %.1f ms waiting for a slot, "
                        + "%.1f ms sending%n", lookups.get() / 1e6 / n, waiting.get() / 1e6 / n, sending.get() / 1e6 / n);
                System.out.printf(Locale.ROOT, "  second run: %s in %.2f s%n", again, (rerun - sent) / 1e9);
            }
        } finally {
            TestDatabases.dispose(database);
        }
        System.exit(0);
    }
}
