package se.planpuls.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;

/**
 * {@code mina milstolpar} / {@code my milestones}: the milestones the user may report on (their own
 * and, as a substitute, their principals') with area, due and status, as one card: each milestone not
 * yet reached has its status choice on its row, and one submit reports them all.
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
        var today = java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE));
        var own = milestones.ownCard(owner.id(), today);
        List<MilestoneView> mine = ItemTree.nested(own.items());
        if (mine.isEmpty()) {
            return turn.reply("my.none");
        }
        Texts texts = turn.texts();
        var prompts = own.prompts();
        List<PromptsCard.Row> rows = mine.stream().map(v -> v.reached()
                ? new PromptsCard.Row(v, null, List.of(), PromptsCard.State.OPEN, null)
                : new PromptsCard.Row(v, null, prompts.get(v.milestone().id()).effects(), PromptsCard.State.OPEN,
                        null, prompts.get(v.milestone().id()).flags(), prompts.get(v.milestone().id()).indicator()))
                .toList();
        boolean allReached = mine.stream().allMatch(MilestoneView::reached);
        String intro = texts.get("my.header", String.valueOf(mine.size())) + " "
                + (allReached ? texts.get("my.allReached") : texts.get("my.cards"));
        // A parent's own status is its children's, summarised: said once, at the top.
        for (MilestoneView v : mine) {
            var children = own.children().get(v.milestone().id());
            if (children != null) {
                intro += "\n\n" + v.milestone().code() + ": " + ItemTree.summary(children, texts, today);
            }
        }
        Activity card = MessageFactory.attachment(PromptsCard.of("my.title", intro, rows, owner, texts));
        return turn.send(card);
    }

    static String line(MilestoneView v, Owner reader, Texts texts) {
        String line = texts.get(v.milestone().shape().ongoing() ? "my.lineOngoing" : "my.line", v.milestone().code(),
                v.milestone().title(), v.areaName(), texts.due(v.milestone()),
                texts.status(v.currentStatus().orElse(null)));
        if (v.milestone().shape().parentId() != null) {
            line = "↳ " + line;
        }
        if (v.latest() != null && v.latest().atRisk()) {
            line += " · " + texts.get("card.receipt.expected", texts.date(v.latest().expectedDate()));
        }
        if (v.milestone().shape().ownerGroupId() != null) {
            return line + " " + texts.get("my.forGroup", v.ownerName());
        }
        return Objects.equals(v.milestone().ownerId(), reader.id()) ? line
                : line + " " + texts.get("my.forOwner", v.ownerName());
    }
}
