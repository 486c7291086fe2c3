package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;

/**
 * {@code mina milstolpar} / {@code my milestones}: the owner's milestones with area, due and status,
 * then one status card for each milestone not yet reached.
 */
final class MyMilestonesCommand implements Command {
    static final List<String> WORDS = List.of("mina milstolpar", "my milestones", "milstolpar", "milestones");

    private final MilestoneService milestones;

    MyMilestonesCommand(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn) {
        if (turn.owner().isEmpty()) {
            return turn.reply("not.owner");
        }
        Owner owner = turn.owner().get();
        List<MilestoneView> mine = milestones.ofOwner(owner.id());
        if (mine.isEmpty()) {
            return turn.reply("my.none");
        }
        Texts texts = turn.texts();
        String list = mine.stream()
                .map(v -> "- " + texts.get("my.line", v.milestone().code(), v.milestone().title(), v.areaName(),
                        texts.due(v.milestone()), texts.status(v.currentStatus().orElse(null))))
                .collect(Collectors.joining("\n"));
        List<MilestoneView> open = mine.stream().filter(v -> !v.reached()).toList();
        String footer = open.isEmpty() ? texts.get("my.allReached") : texts.get("my.cards");
        List<Activity> activities = new ArrayList<>();
        activities.add(Turn.message(texts.get("my.header", String.valueOf(mine.size())) + "\n\n" + list
                + "\n\n" + footer));
        open.forEach(v -> activities.add(MessageFactory.attachment(StatusCard.of(v, texts))));
        return turn.context().sendActivities(activities).thenApply(responses -> null);
    }
}
