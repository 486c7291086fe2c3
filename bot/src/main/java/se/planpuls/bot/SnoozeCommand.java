package se.planpuls.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.calendar.WorkingCalendar;

/** {@code snooza <dagar>} (or {@code pausa}) / {@code snooze <days>}: no check-ins for 1 to 60 days; {@code 0} resumes them. */
final class SnoozeCommand implements Command {
    static final List<String> WORDS = List.of("snooza", "pausa", "snooze");
    static final int MAX_DAYS = 60;

    private final OwnerService owners;
    private final Clock clock;

    SnoozeCommand(OwnerService owners, Clock clock) {
        this.owners = owners;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        if (turn.owner().isEmpty()) {
            return turn.reply("not.owner");
        }
        String days = args.replaceAll("(?i)\\s*(dagar|dag|days|day|d)$", "").strip();
        if (!days.matches("\\d{1,3}") || Integer.parseInt(days) > MAX_DAYS) {
            return turn.reply("snooze.usage", String.valueOf(MAX_DAYS));
        }
        int n = Integer.parseInt(days);
        long id = turn.owner().get().id();
        if (n == 0) {
            owners.snooze(id, null);
            return turn.reply("snooze.off");
        }
        LocalDate until = LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).plusDays(n);
        owners.snooze(id, until);
        return turn.reply("snooze.on", turn.texts().date(until));
    }
}
