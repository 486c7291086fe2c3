package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.MilestoneService;

/**
 * {@code visa <milestone>} / {@code show <milestone>}: one milestone; with a status card to report on
 * when the user may report, else as a plain summary.
 */
final class ShowCommand implements Command {
    static final List<String> WORDS = List.of("visa", "show");

    private final MilestoneService milestones;
    private final ReportFlow flow;

    private final java.time.Clock clock;

    ShowCommand(MilestoneService milestones, ReportFlow flow, java.time.Clock clock) {
        this.clock = clock;
        this.milestones = milestones;
        this.flow = flow;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        return MilestoneArgument.with(turn, milestones, args, "show.usage", view -> {
            Texts texts = turn.texts();
            if (turn.owner().isPresent() && flow.mayReport(turn.owner().get(), view) && flow.takesValues(view)) {
                return flow.indicatorCard(turn, view);
            }
            if (turn.owner().isPresent() && flow.mayReport(turn.owner().get(), view)) {
                return turn.send(MessageFactory.attachment(
                        StatusCard.of(view, milestones.effects(view.milestone().id()),
                                milestones.children(view.milestone().id()), texts,
                                java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE)))));
            }
            var m = view.milestone();
            return turn.reply("show.summary", m.code(), m.title(), view.areaName(), texts.due(m),
                    view.ownerName() == null ? "–" : view.ownerName(),
                    texts.status(view.currentStatus().orElse(null)),
                    texts.get(m.criterionStated() ? "card.reachedWhen" : "card.description"), m.judgedBy());
        });
    }
}
