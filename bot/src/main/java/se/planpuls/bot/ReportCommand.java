package se.planpuls.bot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import se.planpuls.db.MilestoneService;
import se.planpuls.domain.Status;

/**
 * {@code rapportera <milestone> <grön|gul|röd> <comment>} / {@code report <milestone> <green|yellow|red>
 * <comment>}: a report without the card. The milestone is everything before the status word. For an
 * indicator named by its code: {@code rapportera HME-1 78 <comment>}, its value (see {@link IndicatorReport}).
 */
final class ReportCommand implements Command {
    static final List<String> WORDS = List.of("rapportera", "report");
    static final Map<String, Status> STATUS_WORDS = Map.ofEntries(
            Map.entry("grön", Status.REACHED), Map.entry("green", Status.REACHED),
            Map.entry("uppnådd", Status.REACHED), Map.entry("reached", Status.REACHED),
            Map.entry("gul", Status.IN_PROGRESS), Map.entry("yellow", Status.IN_PROGRESS),
            Map.entry("pågår", Status.IN_PROGRESS),
            Map.entry("röd", Status.NOT_STARTED), Map.entry("red", Status.NOT_STARTED));

    private final MilestoneService milestones;
    private final ReportFlow flow;
    private final IndicatorReport indicators;

    ReportCommand(MilestoneService milestones, ReportFlow flow) {
        this(milestones, flow, null);
    }

    /** {@code indicators}: takes {@code rapportera <indicator> <value>}; null when the bot takes no values. */
    ReportCommand(MilestoneService milestones, ReportFlow flow, IndicatorReport indicators) {
        this.milestones = milestones;
        this.flow = flow;
        this.indicators = indicators;
    }

    @Override
    public CompletableFuture<Void> run(Turn turn, String args) {
        if (turn.owner().isEmpty()) {
            return turn.reply("report.notOwner");
        }
        String[] words = args.isBlank() ? new String[0] : args.split(" ");
        var indicator = indicator(words);
        if (indicator.isPresent()) {
            return indicators.typed(turn, indicator.get(), String.join(" ", Arrays.copyOfRange(words, 1, words.length)));
        }
        int at = -1;
        for (int i = 1; i < words.length && at < 0; i++) {
            if (STATUS_WORDS.containsKey(words[i].toLowerCase(Locale.ROOT).replaceAll("[,.:;]$", ""))) {
                at = i;
            }
        }
        if (at < 0) {
            return turn.reply("report.usage");
        }
        Status status = STATUS_WORDS.get(words[at].toLowerCase(Locale.ROOT).replaceAll("[,.:;]$", ""));
        String reference = String.join(" ", Arrays.copyOfRange(words, 0, at));
        String comment = String.join(" ", Arrays.copyOfRange(words, at + 1, words.length));
        return MilestoneArgument.with(turn, milestones, reference, "report.usage",
                view -> flow.reportedByText(turn, view, status, comment));
    }

    /** The indicator the first word names by its code, when it names one: then the rest is its value. */
    private java.util.Optional<se.planpuls.domain.MilestoneView> indicator(String[] words) {
        if (indicators == null || words.length == 0) {
            return java.util.Optional.empty();
        }
        try {
            var view = milestones.find(words[0]);
            return view.milestone().code().equalsIgnoreCase(words[0]) && indicators.takes(view)
                    ? java.util.Optional.of(view) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            // Not one item's code: the words are read as a status report, which says what is wrong.
            return java.util.Optional.empty();
        }
    }
}
