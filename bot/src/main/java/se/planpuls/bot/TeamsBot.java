package se.planpuls.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
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
import se.planpuls.domain.rules.TextRules;

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
    private final BotAuthenticator authenticator;
    private final RejectionLog rejections;
    private final MeterRegistry metrics;
    private final ProactiveWork work;
    private final OwnerReach reach;

    private TeamsBot(BotFrameworkAdapter adapter, PlanpulsBot bot, ObjectMapper json, CheckInSender checkIns,
                     ChannelPoster channelPoster, ReminderCardSender reminders, BotAuthenticator authenticator,
                     RejectionLog rejections, MeterRegistry metrics, ProactiveWork work, OwnerReach reach) {
        this.adapter = adapter;
        this.bot = bot;
        this.json = json;
        this.checkIns = checkIns;
        this.channelPoster = channelPoster;
        this.reminders = reminders;
        this.authenticator = authenticator;
        this.rejections = rejections;
        this.metrics = metrics;
        this.work = work;
        this.reach = reach;
    }

    public static TeamsBot create(BotSettings settings, BotServices services, Clock clock) {
        return create(settings, services, clock, new CompositeMeterRegistry());
    }

    /**
     * A bot that records what it does in {@code metrics}: requests refused, digests and reviews
     * posted. With authentication on, it starts reading the Bot Framework's signing keys at once.
     */
    public static TeamsBot create(BotSettings settings, BotServices services, Clock clock, MeterRegistry metrics) {
        ObjectMapper json = ActivityJson.mapper();
        BotFrameworkAdapter adapter = adapter(settings);
        BotAuthenticator authenticator = null;
        if (settings.authenticationEnabled()) {
            var keys = new OpenIdKeys(settings.openIdMetadataUrl(), clock);
            keys.warmUp();
            authenticator = new BotAuthenticator(settings.appId(), keys, clock);
            // A token of no algorithm, refused at once: it loads the JWT classes before Teams' first request.
            authenticator.authenticate("Bearer e30.e30.x", new Activity(ActivityTypes.MESSAGE));
        }
        warmUp(json);
        adapter.setOnTurnError((context, error) -> {
            LOG.error("Bot turn failed", error);
            return context.sendActivity(Texts.forLocale(context.getActivity().getLocale()).get("turn.error"))
                    .handle((r, e) -> null);
        });
        var recorder = new ConversationRecorder(json);
        var indicatorValues = services.indicators() == null ? null
                : new IndicatorReport(services.indicators(), services.milestones());
        var reports = new ReportFlow(services.reports(), services.pending(), services.milestones(), clock,
                indicatorValues);
        var commands = new CommandTable()
                .add(new HelpCommand(), HelpCommand.WORDS)
                .add(new MyMilestonesCommand(services.milestones(), clock), MyMilestonesCommand.WORDS)
                .add(new ShowCommand(services.milestones(), reports, clock), ShowCommand.WORDS)
                .add(new ReportCommand(services.milestones(), reports, indicatorValues), ReportCommand.WORDS)
                .add(new HistoryCommand(services.milestones(), services.reports(), services.owners()),
                        HistoryCommand.WORDS)
                .add(new SnoozeCommand(services.owners(), clock), SnoozeCommand.WORDS)
                .add(new SubstituteCommand(services.owners()), SubstituteCommand.WORDS)
                .add(new LeaveCommand(services.owners(), clock), LeaveCommand.WORDS)
                .add(new LanguageCommand(services.owners()), LanguageCommand.WORDS);
        if (services.channels() != null && services.plans() != null) {
            commands.add(new SubscribeCommand(services.channels(), services.plans()), SubscribeCommand.WORDS);
        }
        var work = new ProactiveWork();
        OwnerReach reach = services.reach() == null ? null
                : new OwnerReach(adapter, settings, services, json, work::stopping, metrics, clock);
        TeamInstallations teams = reach == null ? null : new TeamInstallations(services.reach(),
                teamId -> work.track(reach.soon(teamId)));
        var bot = new PlanpulsBot(new IdentityResolver(services.owners(), services.conversations()), recorder, commands,
                reports, teams);
        var checkIns = new CheckInSender(adapter, settings.appId() == null ? "" : settings.appId(), services, recorder,
                clock, work::stopping);
        var reminders = new ReminderCardSender(adapter, settings.appId() == null ? "" : settings.appId(), services,
                recorder, clock);
        return new TeamsBot(adapter, bot, json, checkIns, new ChannelPoster(adapter, settings), reminders,
                authenticator, new RejectionLog(clock, LOG::warn), metrics, work, reach);
    }

    /**
     * Reads one activity at start: loading the SDK's schema classes and Jackson's serializers for
     * them takes about a second on a busy machine, which the first request from Teams would otherwise
     * pay (and a refusal is to come within a second).
     */
    private static void warmUp(ObjectMapper json) {
        try {
            json.readValue("{\"type\":\"message\",\"conversation\":{\"id\":\"warm-up\"},"
                    + "\"channelData\":{\"tenant\":{\"id\":\"t\"}},\"timestamp\":\"2026-01-01T00:00:00Z\"}", Activity.class)
                    .getConversationReference();
        } catch (Exception e) {
            LOG.debug("Warming up the activity reader failed: {}", e.toString());
        }
    }

    private static BotFrameworkAdapter adapter(BotSettings settings) {
        if (!settings.authenticationEnabled()) {
            return new PlainJsonAdapter(new SimpleCredentialProvider("", ""));
        }
        if (settings.tenantId() != null && !settings.tenantId().isBlank()) {
            // Single-tenant registrations need the tenant in the outgoing token request; the SDK
            // does not read MicrosoftAppTenantId itself.
            return new PlainJsonAdapter(
                    new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId()),
                    new AuthenticationConfiguration(), new SimpleChannelProvider(), null);
        }
        return new PlainJsonAdapter(new SimpleCredentialProvider(settings.appId(), settings.appPassword()));
    }

    /** Handles one request from Teams (or the playground); never throws. */
    public CompletableFuture<BotResponse> process(String authHeader, String body) {
        return process(authHeader, body, null);
    }

    /**
     * As {@link #process(String, String)}; {@code caller} (an address, may be null) is named when the
     * request is refused. With authentication on, a request without a valid Bot Framework token is a
     * 401, decided before the SDK sees the activity.
     */
    public CompletableFuture<BotResponse> process(String authHeader, String body, String caller) {
        Activity activity;
        BotResponse refusal;
        try {
            JsonNode tree = body == null || body.isBlank() ? null : json.readTree(body);
            refusal = tree == null ? BotResponse.refused("body", "the body must be an activity as JSON")
                    : uncleanText(tree, "");
            activity = tree == null ? null : json.treeToValue(tree, Activity.class);
        } catch (Exception e) {
            activity = null;
            refusal = BotResponse.refused("body", "the body is not an activity as JSON");
        }
        if (refusal == null) {
            refusal = unanswerable(activity);
        }
        BotResponse refused = refusal;
        if (authenticator != null) {
            // Authentication comes before anything else is said: a stranger learns nothing from a 400.
            Activity received = activity == null ? new Activity(null) : activity;
            return authenticator.authenticate(authHeader, received)
                    .thenCompose(identity -> refused == null ? turn(identity, received)
                            : CompletableFuture.completedFuture(refused))
                    .exceptionally(error -> refused(error, caller));
        }
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        // Authentication is off: any Authorization header is ignored, as the SDK would with no app id.
        return turn(new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE), activity);
    }

    /**
     * The first text of the activity that {@link TextRules} forbids (a NUL in a message, a name, a
     * card value), named by its JSON path: it could not be stored the same way on every database.
     */
    private static BotResponse uncleanText(JsonNode node, String path) {
        if (node.isTextual()) {
            return TextRules.clean(node.textValue()) ? null
                    : BotResponse.refused(path.isEmpty() ? "body" : path, TextRules.message(path.isEmpty() ? "body" : path));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                BotResponse found = uncleanText(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!TextRules.clean(field.getKey())) {
                    return BotResponse.refused(path.isEmpty() ? "body" : path, TextRules.message("a field name"));
                }
                BotResponse found = uncleanText(field.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Why the bot cannot answer an activity (a type, a conversation, an http(s) service URL), or null. */
    private static BotResponse unanswerable(Activity activity) {
        if (activity == null) {
            return BotResponse.refused("body", "the body must be an activity as JSON");
        }
        if (activity.getType() == null || activity.getType().isBlank()) {
            return BotResponse.refused("type", "an activity needs a type");
        }
        if (activity.getConversation() == null || activity.getConversation().getId() == null) {
            return BotResponse.refused("conversation.id", "an activity needs a conversation with an id");
        }
        if (activity.getLocale() != null) {
            try {
                // What the SDK does with it at the start of a turn, where a bad tag would fail the turn.
                new java.util.Locale.Builder().setLanguageTag(activity.getLocale());
            } catch (java.util.IllformedLocaleException e) {
                return BotResponse.refused("locale", "locale must be a language tag such as sv-SE");
            }
        }
        String url = activity.getServiceUrl();
        String must = "serviceUrl must be the http(s) address to answer at";
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return BotResponse.refused("serviceUrl", must);
        }
        try {
            return java.net.URI.create(url).getHost() != null ? null : BotResponse.refused("serviceUrl", must);
        } catch (IllegalArgumentException e) {
            return BotResponse.refused("serviceUrl", must);
        }
    }

    private CompletableFuture<BotResponse> turn(ClaimsIdentity identity, Activity activity) {
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.processActivity(identity, activity, bot::onTurn);
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
            if (invoke.getStatus() == 501) {
                // The SDK's answer to an invoke no handler takes; for the caller it is a request we refuse.
                return BotResponse.refused("name", "the bot does not handle the invoke '" + activity.getName() + "'");
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

    private BotResponse refused(Throwable error, String caller) {
        Throwable cause = unwrap(error);
        if (cause instanceof BotAuthenticator.Rejected rejected) {
            rejections.rejected(rejected.reason(), caller);
            Counter.builder("planpuls.bot.auth.rejections").description("Bot requests refused for want of a valid token")
                    .register(metrics).increment();
            return new BotResponse(401, null);
        }
        return failure(cause);
    }

    /** Sends every linked owner a status card for each milestone not yet reached. */
    public CompletableFuture<CheckInSummary> sendWeeklyCheckIns() {
        return tracked(checkIns.sendAll());
    }

    /**
     * For a shutdown: from now on a proactive run (check-ins, and owners reached from the roster)
     * starts no message to a further owner; messages already on their way go on.
     */
    public void drain() {
        work.stop();
    }

    /** Waits until no proactive message is on its way, at most {@code patience}; true when none is. */
    public boolean awaitIdle(java.time.Duration patience) {
        return work.awaitIdle(patience);
    }

    private <T> CompletableFuture<T> tracked(CompletableFuture<T> proactive) {
        return work.track(proactive);
    }

    /**
     * Reaches every owner in the teams the app is installed in: reads each roster, and opens a chat
     * with and welcomes each owner who has none, once. Fails when the bot was built without the
     * reach service.
     */
    public CompletableFuture<ReachSummary> reachOwners() {
        if (reach == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("reaching owners is not set up"));
        }
        return tracked(reach.all());
    }

    /** Stops the thread that reaches owners; for the end of a shutdown. */
    public void close() {
        if (reach != null) {
            reach.close();
        }
    }

    /**
     * Posts the weekly digest card to a leadership channel, in the subscription's language, as a new thread. The map
     * links may be null (then the card has no picture or link).
     */
    public CompletableFuture<Void> postDigest(ChannelSubscription channel, Digest digest, String mapPageUrl,
                                              String mapImageUrl) {
        return postDigest(channel, digest, mapPageUrl, mapImageUrl, null);
    }

    /**
     * As {@link #postDigest(ChannelSubscription, Digest, String, String)}, with the picture of the status per
     * area ({@code statusImageUrl}, may be null) above its table.
     */
    public CompletableFuture<Void> postDigest(ChannelSubscription channel, Digest digest, String mapPageUrl,
                                              String mapImageUrl, String statusImageUrl) {
        CompletableFuture<Void> posting;
        try {
            posting = channelPoster.post(channel, DigestCard.of(digest, Texts.forLocale(channel.language()), mapPageUrl,
                    mapImageUrl, statusImageUrl));
        } catch (RuntimeException e) {
            posting = CompletableFuture.failedFuture(e);
        }
        return tracked(counted(posting, "planpuls.digests.posted", "Weekly digests posted to leadership channels"));
    }

    /**
     * Sends a reminder card about a milestone to the recipient's stored personal chat. Fails with a
     * {@link ReminderSendException} carrying the connector's status and Retry-After, or saying that
     * no chat is stored.
     */
    public CompletableFuture<Void> sendReminder(DueReminder reminder) {
        return send(java.util.List.of(reminder), () -> { });
    }

    /**
     * Sends the reminders due to one recipient as one card: one reminder as its milestone's status card,
     * several as a card with a row per milestone. {@code pace} runs (and may wait) just before the send.
     */
    @Override
    public CompletableFuture<Void> send(java.util.List<DueReminder> due, Runnable pace) {
        return reminders.send(due, pace);
    }

    /** Posts the annual review's summary card to a leadership channel, in the subscription's language, as a new thread. */
    public CompletableFuture<Void> postAnnualReview(ChannelSubscription channel, AnnualReview review,
                                                    String mapPageUrl, String pdfUrl) {
        CompletableFuture<Void> posting;
        try {
            posting = channelPoster.post(channel, AnnualReviewCard.of(review, Texts.forLocale(channel.language()), mapPageUrl,
                    pdfUrl));
        } catch (RuntimeException e) {
            posting = CompletableFuture.failedFuture(e);
        }
        return tracked(counted(posting, "planpuls.annual.reviews.posted", "Annual review summaries posted to channels"));
    }

    private CompletableFuture<Void> counted(CompletableFuture<Void> posting, String meter, String description) {
        return posting.whenComplete((done, error) -> Counter.builder(meter).description(description)
                .tag("outcome", error == null ? "posted" : "failed").register(metrics).increment());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static BotResponse failure(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof AuthenticationException || cause.getCause() instanceof AuthenticationException) {
            LOG.warn("Rejected a bot request: {}", cause.getMessage());
            return new BotResponse(401, null);
        }
        LOG.error("Bot request failed", cause);
        return new BotResponse(500, null);
    }
}
