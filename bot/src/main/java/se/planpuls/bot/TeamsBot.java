package se.planpuls.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.ChannelSubscription;
import se.planpuls.domain.Digest;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderSendException;
import se.planpuls.domain.reminder.ReminderSender;

/**
 * The bot module's front door: takes the body of {@code POST /api/messages} and answers with a
 * status and body, and sends proactive check-ins, digests and reminders (it is the scheduler's
 * {@link ReminderSender}). Nothing of the Bot Framework SDK leaks past it.
 */
public final class TeamsBot implements ReminderSender {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);

    private final BotFrameworkAdapter adapter;
    private final PlanpulsBot bot;
    private final ObjectMapper json;
    private final CheckInSender checkIns;
    private final ChannelPoster channelPoster;
    private final ReminderCardSender reminders;

    private TeamsBot(BotFrameworkAdapter adapter, PlanpulsBot bot, ObjectMapper json, CheckInSender checkIns,
                     ChannelPoster channelPoster, ReminderCardSender reminders) {
        this.adapter = adapter;
        this.bot = bot;
        this.json = json;
        this.checkIns = checkIns;
        this.channelPoster = channelPoster;
        this.reminders = reminders;
    }

    public static TeamsBot create(BotSettings settings, BotServices services, java.time.Clock clock) {
        ObjectMapper json = ActivityJson.mapper();
        BotFrameworkAdapter adapter = adapter(settings);
        adapter.setOnTurnError((context, error) -> {
            LOG.error("Bot turn failed", error);
            return context.sendActivity(Texts.forLocale(context.getActivity().getLocale()).get("turn.error"))
                    .handle((r, e) -> null);
        });
        var recorder = new ConversationRecorder(json);
        var reports = new ReportFlow(services.reports(), services.pending());
        var commands = new CommandTable()
                .add(new HelpCommand(), HelpCommand.WORDS)
                .add(new MyMilestonesCommand(services.milestones()), MyMilestonesCommand.WORDS)
                .add(new ShowCommand(services.milestones(), reports), ShowCommand.WORDS)
                .add(new ReportCommand(services.milestones(), reports), ReportCommand.WORDS)
                .add(new HistoryCommand(services.milestones(), services.reports(), services.owners()),
                        HistoryCommand.WORDS)
                .add(new SnoozeCommand(services.owners(), clock), SnoozeCommand.WORDS)
                .add(new SubstituteCommand(services.owners()), SubstituteCommand.WORDS)
                .add(new LeaveCommand(services.owners(), clock), LeaveCommand.WORDS)
                .add(new LanguageCommand(services.owners()), LanguageCommand.WORDS);
        if (services.channels() != null && services.plans() != null) {
            commands.add(new SubscribeCommand(services.channels(), services.plans()), SubscribeCommand.WORDS);
        }
        var bot = new PlanpulsBot(new IdentityResolver(services.owners(), services.conversations()), recorder, commands, reports);
        var checkIns = new CheckInSender(adapter, settings.appId() == null ? "" : settings.appId(), services, recorder,
                clock);
        var reminders = new ReminderCardSender(adapter, settings.appId() == null ? "" : settings.appId(), services,
                recorder);
        return new TeamsBot(adapter, bot, json, checkIns, new ChannelPoster(adapter, settings), reminders);
    }

    private static BotFrameworkAdapter adapter(BotSettings settings) {
        if (!settings.authenticationEnabled()) {
            return new BotFrameworkAdapter(new SimpleCredentialProvider("", ""));
        }
        if (settings.tenantId() != null && !settings.tenantId().isBlank()) {
            // Single-tenant registrations need the tenant in the outgoing token request; the SDK
            // does not read MicrosoftAppTenantId itself.
            return new BotFrameworkAdapter(
                    new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId()),
                    new AuthenticationConfiguration(), new SimpleChannelProvider(), null, null);
        }
        return new BotFrameworkAdapter(new SimpleCredentialProvider(settings.appId(), settings.appPassword()));
    }

    /** Handles one request from Teams (or the playground); never throws. */
    public CompletableFuture<BotResponse> process(String authHeader, String body) {
        Activity activity;
        try {
            activity = body == null || body.isBlank() ? null : json.readValue(body, Activity.class);
        } catch (Exception e) {
            return CompletableFuture.completedFuture(new BotResponse(400, null));
        }
        if (activity == null || activity.getType() == null) {
            return CompletableFuture.completedFuture(new BotResponse(400, null));
        }
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.processActivity(authHeader, activity, bot::onTurn);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        return processing.handle((invoke, error) -> {
            if (error != null) {
                return failure(error);
            }
            if (invoke == null) {
                return new BotResponse(202, null);
            }
            try {
                return new BotResponse(invoke.getStatus(),
                        invoke.getBody() == null ? null : json.writeValueAsString(invoke.getBody()));
            } catch (Exception e) {
                LOG.error("Could not serialise an invoke response", e);
                return new BotResponse(500, null);
            }
        });
    }

    /** Sends every linked owner a status card for each milestone not yet reached. */
    public CompletableFuture<CheckInSummary> sendWeeklyCheckIns() {
        return checkIns.sendAll();
    }

    /**
     * Posts the weekly digest card to a leadership channel, in Swedish, as a new thread. The map
     * links may be null (then the card has no picture or link).
     */
    public CompletableFuture<Void> postDigest(ChannelSubscription channel, Digest digest, String mapPageUrl,
                                              String mapImageUrl) {
        try {
            return channelPoster.post(channel, DigestCard.of(digest, Texts.swedish(), mapPageUrl, mapImageUrl));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends a reminder card about a milestone to the recipient's stored personal chat. Fails with a
     * {@link ReminderSendException} carrying the connector's status and Retry-After, or saying that
     * no chat is stored.
     */
    public CompletableFuture<Void> sendReminder(DueReminder reminder) {
        return send(reminder, () -> { });
    }

    /** As {@link #sendReminder(DueReminder)}; {@code pace} runs (and may wait) just before the send. */
    @Override
    public CompletableFuture<Void> send(DueReminder reminder, Runnable pace) {
        return reminders.send(reminder, pace);
    }

    /** Posts the annual review's summary card to a leadership channel, in Swedish, as a new thread. */
    public CompletableFuture<Void> postAnnualReview(ChannelSubscription channel, AnnualReview review,
                                                    String mapPageUrl) {
        try {
            return channelPoster.post(channel, AnnualReviewCard.of(review, Texts.swedish(), mapPageUrl));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static BotResponse failure(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AuthenticationException || cause.getCause() instanceof AuthenticationException) {
            LOG.warn("Rejected a bot request: {}", cause.getMessage());
            return new BotResponse(401, null);
        }
        LOG.error("Bot request failed", cause);
        return new BotResponse(500, null);
    }
}
