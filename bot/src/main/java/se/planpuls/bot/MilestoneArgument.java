package se.planpuls.bot;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NotFoundException;

/** Resolves a command's milestone argument (short id or a unique part of the title), or says why not. */
final class MilestoneArgument {
    private MilestoneArgument() {
    }

    static CompletableFuture<Void> with(Turn turn, MilestoneService milestones, String reference, String usageKey,
                                        Function<MilestoneView, CompletableFuture<Void>> then) {
        if (reference == null || reference.isBlank()) {
            return turn.reply(usageKey);
        }
        MilestoneView view;
        try {
            view = milestones.find(reference);
        } catch (NotFoundException e) {
            return turn.reply("milestone.unknown", reference);
        } catch (MilestoneService.AmbiguousException e) {
            String options = e.candidates().stream().limit(8)
                    .map(v -> "- " + v.milestone().code() + " " + v.milestone().title())
                    .collect(Collectors.joining("\n"));
            return turn.reply("milestone.ambiguous", reference, String.valueOf(e.candidates().size()), options);
        } catch (InvalidInputException e) {
            return turn.reply(usageKey);
        }
        return then.apply(view);
    }
}
