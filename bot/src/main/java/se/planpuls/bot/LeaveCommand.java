package se.planpuls.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.calendar.WorkingCalendar;

/**
 * {@code ledig till <datum>} / {@code leave until <date>}: no prompts at all until and including the
 * date (at most a year ahead); {@code ledig slut} / {@code leave end} ends the leave.
 */
final class LeaveCommand implements Command {
    static final List<String> WORDS = List.of("ledig", "leave");
    private static final Set<String> END = Set.of("slut", "ingen", "av", "end", "none", "off");

    private final OwnerService owners;
    private final Clock clock;

    LeaveCommand(OwnerService owners, Clock clock) {
        this.owners = owners;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        if (turn.owner().isEmpty()) {
            return turn.reply("not.owner");
        }
        long id = turn.owner().get().id();
        String value = args.replaceFirst("(?i)^(till|until|to)\\s+", "").strip();
        if (END.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            owners.leave(id, null);
            return turn.reply("leave.off");
        }
        LocalDate until;
        try {
            until = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return turn.reply("leave.usage");
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        if (until.isBefore(today)) {
            return turn.reply("leave.past", turn.texts().date(until));
        }
        if (until.isAfter(today.plusYears(1))) {
            return turn.reply("leave.tooFar");
        }
        owners.leave(id, until);
        return turn.reply("leave.on", turn.texts().date(until));
    }
}
