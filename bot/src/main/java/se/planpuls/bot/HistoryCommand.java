package se.planpuls.bot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import se.planpuls.db.MilestoneService;
import se.planpuls.db.OwnerService;
import se.planpuls.db.ReportService;
import se.planpuls.domain.Owner;
import se.planpuls.domain.StatusReport;

/** {@code historik <milestone>} / {@code history <milestone>}: every report, oldest first. */
final class HistoryCommand implements Command {
    static final List<String> WORDS = List.of("historik", "history");
    static final int SHOWN = 20;

    private final MilestoneService milestones;
    private final ReportService reports;
    private final OwnerService owners;

    HistoryCommand(MilestoneService milestones, ReportService reports, OwnerService owners) {
        this.milestones = milestones;
        this.reports = reports;
        this.owners = owners;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        return MilestoneArgument.with(turn, milestones, args, "history.usage", view -> {
            var m = view.milestone();
            List<StatusReport> history = reports.history(m.id());
            if (history.isEmpty()) {
                return turn.reply("history.none", m.code(), m.title());
            }
            Texts texts = turn.texts();
            List<StatusReport> shown = history.subList(Math.max(0, history.size() - SHOWN), history.size());
            String lines = shown.stream().map(r -> "- " + line(r, texts)).collect(Collectors.joining("\n"));
            String header = texts.get("history.header", m.code(), m.title(), history.size());
            String more = history.size() > SHOWN ? "\n\n" + texts.get("history.more", String.valueOf(SHOWN)) : "";
            return turn.send(Turn.message(header + "\n\n" + lines + more));
        });
    }

    private String line(StatusReport r, Texts texts) {
        String by = r.onBehalfOfId() == null ? r.reporterName() : texts.get("report.onBehalf", r.reporterName(),
                owners.find(r.onBehalfOfId()).map(Owner::name).orElse("?"));
        String line = texts.dateTime(r.reportedAt()) + ": " + texts.status(r.status()) + ", " + by;
        if (r.atRisk()) {
            line += " · " + texts.get("card.receipt.expected", texts.date(r.expectedDate()));
        }
        return r.comment() == null ? line : line + ": ”" + r.comment() + "”";
    }
}
