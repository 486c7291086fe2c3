package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;

/**
 * {@code mina milstolpar} / {@code my milestones}: the milestones the user may report on (their own
 * and, as a substitute, their principals') with area, due and status, then one status card for each
 * milestone not yet reached.
 */
final class MyMilestonesCommand implements Command {
    static final List<String> WORDS = List.of("mina milstolpar", "my milestones", "milstolpar", "milestones");

    private final MilestoneService milestones;

    private final java.time.Clock clock;

    MyMilestonesCommand(MilestoneService milestones, java.time.Clock clock) {
        this.clock = clock;
        this.milestones = milestones;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        if (turn.owner().isEmpty()) {
            return turn.reply("not.owner");
        }
        Owner owner = turn.owner().get();
        List<MilestoneView> mine = milestones.reportableBy(owner.id());
        if (mine.isEmpty()) {
            return turn.reply("my.none");
        }
        Texts texts = turn.texts();
        String list = mine.stream().map(v -> "- " + line(v, owner, texts)).collect(Collectors.joining("\n"));
        List<MilestoneView> open = mine.stream().filter(v -> !v.reached()).toList();
        String footer = open.isEmpty() ? texts.get("my.allReached") : texts.get("my.cards");
        List<Activity> activities = new ArrayList<>();
        activities.add(Turn.message(texts.get("my.header", String.valueOf(mine.size())) + "\n\n" + list
                + "\n\n" + footer));
        open.forEach(v -> activities.add(MessageFactory.attachment(
                StatusCard.of(v, milestones.effects(v.milestone().id()), texts,
                        java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE))))));
        return turn.context().sendActivities(activities).thenApply(responses -> null);
    }

    static String line(MilestoneView v, Owner reader, Texts texts) {
        String line = texts.get("my.line", v.milestone().code(), v.milestone().title(), v.areaName(),
                texts.due(v.milestone()), texts.status(v.currentStatus().orElse(null)));
        if (v.latest() != null && v.latest().atRisk()) {
            line += " · " + texts.get("card.receipt.expected", texts.date(v.latest().expectedDate()));
        }
        return Objects.equals(v.milestone().ownerId(), reader.id()) ? line
                : line + " " + texts.get("my.forOwner", v.ownerName());
    }
}
