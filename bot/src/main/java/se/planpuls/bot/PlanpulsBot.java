package se.planpuls.bot;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import se.planpuls.domain.Owner;

/**
 * The bot's turn logic. Every activity first identifies the sender and stores the conversation
 * reference; messages are then either a card submit or a text command.
 */
final class PlanpulsBot extends ActivityHandler {
    private final IdentityResolver identities;
    private final ConversationRecorder recorder;
    private final CommandTable commands;
    private final ReportFlow reports;
    private final TeamInstallations teams;

    PlanpulsBot(IdentityResolver identities, ConversationRecorder recorder, CommandTable commands,
                ReportFlow reports, TeamInstallations teams) {
        this.identities = identities;
        this.recorder = recorder;
        this.commands = commands;
        this.reports = reports;
        this.teams = teams;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext context) {
        Activity activity = context.getActivity();
        boolean fromUser = ActivityTypes.MESSAGE.equals(activity.getType())
                || ActivityTypes.INSTALLATION_UPDATE.equals(activity.getType())
                || ActivityTypes.CONVERSATION_UPDATE.equals(activity.getType());
        if (!fromUser) {
            return super.onTurn(context);
        }
        if (teams != null) {
            teams.seen(activity);
        }
        return identities.resolve(context, recorder.seen(activity).orElse(null)).thenCompose(owner -> {
            context.getTurnState().add(OWNER_KEY, new ResolvedOwner(owner));
            return super.onTurn(context);
        });
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext context) {
        Activity activity = context.getActivity();
        Turn turn = new Turn(context, Texts.forOwner(owner(context), activity.getLocale()), owner(context));
        if (activity.getValue() != null && (activity.getText() == null || activity.getText().isBlank())) {
            return reports.submitted(turn, activity.getValue());
        }
        String text = activity.getText() == null ? "" : Activity.removeRecipientMentionImmutable(activity);
        if (text == null || text.isBlank()) {
            return turn.reply("empty.message");
        }
        return commands.find(text)
                .map(match -> match.command().run(turn, match.args()))
                .or(() -> reports.typedAnswer(turn, text))
                .orElseGet(() -> {
                    Texts texts = turn.texts();
                    String said = shorten(text.strip());
                    String answer = commands.suggest(text)
                            .map(word -> texts.get("unknown.suggest", said, word))
                            .orElseGet(() -> texts.get("unknown.command", said));
                    return turn.send(Turn.message(answer + "\n\n" + texts.get("help.text")));
                });
    }

    /** Welcomes the user when the bot is added to a personal chat (the SDK only reports other members). */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext context) {
        Activity activity = context.getActivity();
        List<ChannelAccount> membersAdded = activity.getMembersAdded() == null ? List.of() : activity.getMembersAdded();
        boolean botAdded = membersAdded.stream()
                .anyMatch(m -> activity.getRecipient() != null && activity.getRecipient().getId().equals(m.getId()));
        if (!botAdded || !"personal".equals(activity.getConversation().getConversationType())) {
            return CompletableFuture.completedFuture(null);
        }
        return welcome(context);
    }

    private CompletableFuture<Void> welcome(TurnContext context) {
        Activity activity = context.getActivity();
        Turn turn = new Turn(context, Texts.forOwner(owner(context), activity.getLocale()), owner(context));
        String name = activity.getFrom() == null || activity.getFrom().getName() == null ? ""
                : activity.getFrom().getName();
        return turn.owner().isPresent() ? turn.reply("welcome.owner", turn.owner().get().name())
                : turn.reply("welcome.unknown", name).thenCompose(done -> turn.reply("not.owner"));
    }

    private static Optional<Owner> owner(TurnContext context) {
        ResolvedOwner resolved = context.getTurnState().get(OWNER_KEY);
        return resolved == null ? Optional.empty() : resolved.owner();
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
    }

    private static final String OWNER_KEY = "planpuls.owner";

    private record ResolvedOwner(Optional<Owner> owner) {
    }
}
