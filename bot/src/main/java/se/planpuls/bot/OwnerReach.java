package se.planpuls.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.restclient.ServiceClient;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.ReachService;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.Owner;
import se.planpuls.domain.reach.InstalledTeam;
import se.planpuls.domain.reach.RosterMatch;
import se.planpuls.domain.reach.TeamsAccount;
import se.planpuls.domain.reach.WelcomeAttempt;
import se.planpuls.domain.reach.WelcomeOutcome;

/**
 * Reaches every owner who is in a team the app is installed in: reads the team's roster a page at a
 * time, matches members to owners, and for each owner with no chat with the bot opens a 1:1 chat
 * ({@code createConversation} with the tenant) and writes a short welcome in the owner's language,
 * once ({@link ReachService#welcomeOnce}). One pass runs at a time, on a thread of its own; owners are
 * welcomed one after another, a few a second, far under Teams' limits.
 */
final class OwnerReach {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerReach.class);
    static final Duration ROSTER_TIMEOUT = Duration.ofSeconds(60);
    static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PACE = Duration.ofMillis(200);
    /** Far beyond any real team (Teams allows 25,000 members): a connector that pages forever is stopped. */
    static final int MAX_MEMBERS = 100_000;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final BotFrameworkAdapter adapter;
    private final BotSettings settings;
    private final BotServices services;
    private final ReachService reach;
    private final ObjectMapper json;
    private final BooleanSupplier stopping;
    private final MeterRegistry metrics;
    private final java.time.Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "planpuls-reach");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    OwnerReach(BotFrameworkAdapter adapter, BotSettings settings, BotServices services, ObjectMapper json,
               BooleanSupplier stopping, MeterRegistry metrics, java.time.Clock clock) {
        this.adapter = adapter;
        this.settings = settings;
        this.services = services;
        this.reach = services.reach();
        this.json = json;
        this.stopping = stopping;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Every team the app is in, one after another. */
    CompletableFuture<ReachSummary> all() {
        return CompletableFuture.supplyAsync(() -> {
            ReachSummary summary = ReachSummary.NONE;
            for (InstalledTeam team : reach.teams()) {
                if (stopping.getAsBoolean()) {
                    break;
                }
                summary = summary.plus(team(team));
            }
            return summary;
        }, worker);
    }

    /**
     * Reaches the owners of one team soon, after whatever pass is under way; a team already waiting
     * for its pass is not queued twice (Teams sends both an installation and a membership event).
     */
    CompletableFuture<ReachSummary> soon(String teamId) {
        if (!queued.add(teamId)) {
            return CompletableFuture.completedFuture(ReachSummary.NONE);
        }
        return CompletableFuture.supplyAsync(() -> {
            queued.remove(teamId);
            return reach.team(teamId).filter(t -> !stopping.getAsBoolean()).map(this::team).orElse(ReachSummary.NONE);
        }, worker).whenComplete((summary, error) -> {
            if (error != null) {
                LOG.warn("Reaching the owners of team {} failed: {}", teamId, error.toString());
            } else if (summary.teams() > 0) {
                LOG.info("Owners of team {} reached: {}", teamId, summary);
            }
        });
    }

    private ReachSummary team(InstalledTeam team) {
        List<TeamsAccount> roster;
        try {
            roster = roster(team).get(ROSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReachSummary.failedTeam();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read the members of team {}: {}", team.teamId(), describe(e));
            return ReachSummary.failedTeam();
        }
        List<RosterMatch> matches = reach.recordRoster(team.teamId(), roster);
        int welcomed = 0;
        int failed = 0;
        int reachable = 0;
        var today = java.time.LocalDate.now(clock.withZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE));
        for (RosterMatch match : matches) {
            boolean needed = !match.welcomed() && (!match.personalChat() || match.welcomeChat() != null);
            if (!needed) {
                reachable++;
                continue;
            }
            var leave = match.owner().leaveUntil();
            if (leave != null && !leave.isBefore(today)) {
                // No message at all while on leave, a welcome neither: the first run after the leave sends it.
                continue;
            }
            if (stopping.getAsBoolean()) {
                break;
            }
            WelcomeOutcome outcome = reach.welcomeOnce(match.owner().id(), team.teamId(),
                    opened -> welcome(team, match, opened));
            Counter.builder("planpuls.owners.welcomed").description("Owners the bot opened a chat with and welcomed")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(metrics).increment();
            switch (outcome) {
                case SENT -> welcomed++;
                case FAILED -> failed++;
                case SKIPPED -> reachable++;
            }
            pause(PACE);
        }
        return new ReachSummary(1, 0, roster.size(), matches.size(), welcomed, failed, reachable);
    }

    /** The team's members, every page of them, read as the bot in the team's General channel. */
    private CompletableFuture<List<TeamsAccount>> roster(InstalledTeam team) {
        var members = new ArrayList<TeamsAccount>();
        var done = new CompletableFuture<List<TeamsAccount>>();
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(team.serviceUrl());
        ConversationAccount conversation = new ConversationAccount(true, "channel", team.teamId(), null, null, null,
                team.tenantId());
        reference.setConversation(conversation);
        reference.setBot(new ChannelAccount(botId(team)));
        try {
            adapter.continueConversation(appId(), reference, context -> page(context, team.teamId(), null, members)
                            .handle((all, error) -> {
                                complete(done, all, error);
                                return null;
                            }))
                    .whenComplete((ignored, error) -> complete(done, members, error));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private CompletableFuture<List<TeamsAccount>> page(TurnContext context, String teamId, String token,
                                                       List<TeamsAccount> members) {
        ConnectorClient client = context.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (!(client instanceof ServiceClient service)) {
            return CompletableFuture.failedFuture(new IllegalStateException("no connector client in the turn"));
        }
        return service.retrofit().create(PagedMembers.class).page(teamId, token, client.getUserAgent())
                .thenCompose(response -> {
                    JsonNode page = body(response);
                    page.path("members").forEach(m -> members.add(account(m)));
                    String next = page.path("continuationToken").asText(null);
                    if (members.size() > MAX_MEMBERS) {
                        throw new IllegalStateException("the roster has more than " + MAX_MEMBERS + " members");
                    }
                    return next == null || next.isBlank() || next.equals(token)
                            ? CompletableFuture.completedFuture(members) : page(context, teamId, next, members);
                });
    }

    private JsonNode body(retrofit2.Response<okhttp3.ResponseBody> response) {
        if (!response.isSuccessful()) {
            throw new IllegalStateException("connector answered " + response.code());
        }
        try (okhttp3.ResponseBody body = response.body()) {
            return body == null ? json.createObjectNode() : json.readTree(body.string());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the roster could not be read", e);
        }
    }

    /** A member as the connector describes one; its unpaged roster says {@code objectId} for the Entra id. */
    private static TeamsAccount account(JsonNode member) {
        String aad = member.hasNonNull("aadObjectId") ? member.get("aadObjectId").asText()
                : member.path("objectId").asText(null);
        return new TeamsAccount(member.path("id").asText(null), aad, member.path("email").asText(null),
                member.path("userPrincipalName").asText(null), member.path("name").asText(null));
    }

    /** Opens the owner's chat (or uses the one a failed welcome opened) and writes the welcome. */
    private WelcomeAttempt welcome(InstalledTeam team, RosterMatch match, String opened) {
        Owner owner = match.owner();
        Texts texts = Texts.forLocale(services.owners().proactiveLocale(owner.id()));
        var message = Turn.message(WelcomeText.of(owner, services.milestones().ofOwner(owner.id()), texts));
        ConversationRef chat = opened == null ? null : services.conversations().byId(opened).orElse(null);
        CompletableFuture<ConversationRef> sending;
        if (chat != null) {
            var reference = new ConversationRecorder(json).reference(chat);
            ConversationRef known = chat;
            sending = adapter.continueConversation(appId(), reference,
                    context -> context.sendActivity(message).thenApply(r -> null)).thenApply(done -> known);
        } else {
            sending = open(team, match.account(), message);
        }
        try {
            return WelcomeAttempt.sent(sending.get(WELCOME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WelcomeAttempt.failed(chat, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = unwrap(e);
            ConversationRef created = cause instanceof OpenedButNotSent partly ? partly.chat : chat;
            Duration retryAfter = retryAfter(cause);
            if (retryAfter != null) {
                // Teams asks us to slow down: the next owner waits, this one is tried on a later run.
                pause(retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter);
            }
            LOG.warn("Could not welcome owner {}: {}", owner.id(), describe(e));
            return WelcomeAttempt.failed(created, describe(e));
        }
    }

    /** A 1:1 chat with the member, created on the team's service URL, and the welcome written in it. */
    private CompletableFuture<ConversationRef> open(InstalledTeam team, TeamsAccount member,
                                                    com.microsoft.bot.schema.Activity message) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        ChannelAccount user = new ChannelAccount(member.teamsUserId());
        parameters.setMembers(List.of(user));
        parameters.setBot(new ChannelAccount(botId(team)));
        parameters.setTenantId(team.tenantId());
        if (team.tenantId() != null) {
            TeamsChannelData data = new TeamsChannelData();
            TenantInfo tenant = new TenantInfo();
            tenant.setId(team.tenantId());
            data.setTenant(tenant);
            parameters.setChannelData(data);
        }
        var opened = new CompletableFuture<ConversationRef>();
        adapter.createConversation("msteams", team.serviceUrl(), credentials(), parameters, context -> {
            ConversationRef chat = chat(team, member, context.getActivity().getConversation().getId());
            return context.sendActivity(message).handle((response, error) -> {
                if (error != null) {
                    opened.completeExceptionally(new OpenedButNotSent(chat, error));
                } else {
                    opened.complete(chat);
                }
                return null;
            });
        }).whenComplete((done, error) -> {
            if (error != null) {
                opened.completeExceptionally(error);
            }
        });
        return opened;
    }

    /** The new chat as it is stored, so reminders and check-ins reach the owner there later. */
    private ConversationRef chat(InstalledTeam team, TeamsAccount member, String conversationId) {
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(team.serviceUrl());
        reference.setConversation(new ConversationAccount(false, "personal", conversationId, null, null, null,
                team.tenantId()));
        ChannelAccount user = new ChannelAccount(member.teamsUserId(), member.name());
        user.setAadObjectId(member.aadObjectId());
        reference.setUser(user);
        reference.setBot(new ChannelAccount(botId(team)));
        try {
            return new ConversationRef(conversationId, ConversationKind.personal, member.teamsUserId(),
                    member.aadObjectId(), null, team.serviceUrl(), team.tenantId(), json.writeValueAsString(reference),
                    null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a conversation reference", e);
        }
    }

    /** The bot's id as Teams named it in this team, else as Teams names every bot: {@code 28:<app id>}. */
    private String botId(InstalledTeam team) {
        if (team.botId() != null && !team.botId().isBlank()) {
            return team.botId();
        }
        return "28:" + appId();
    }

    private String appId() {
        return settings.appId() == null ? "" : settings.appId();
    }

    private MicrosoftAppCredentials credentials() {
        if (!settings.authenticationEnabled()) {
            return MicrosoftAppCredentials.empty();
        }
        return settings.tenantId() == null || settings.tenantId().isBlank()
                ? new MicrosoftAppCredentials(settings.appId(), settings.appPassword())
                : new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId());
    }

    void close() {
        worker.shutdownNow();
    }

    /** The chat was opened, but the welcome did not go: the chat is still worth keeping. */
    private static final class OpenedButNotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConversationRef chat;

        OpenedButNotSent(ConversationRef chat, Throwable cause) {
            super(cause);
            this.chat = chat;
        }
    }

    private static void complete(CompletableFuture<List<TeamsAccount>> done, List<TeamsAccount> members,
                                 Throwable error) {
        if (error != null) {
            done.completeExceptionally(error);
        } else {
            done.complete(members);
        }
    }

    private static Duration retryAfter(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null && rest.response().code() == 429) {
                Duration wait = ReminderCardSender.retryAfter(rest.response().headers().get("Retry-After"));
                return wait == null ? Duration.ofSeconds(1) : wait;
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A short account of a failure for the log and the welcome row: the connector's status if any. */
    static String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer from Teams in time";
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                return "connector answered " + rest.response().code();
            }
        }
        Throwable cause = unwrap(error);
        if (cause instanceof OpenedButNotSent && cause.getCause() != null) {
            cause = unwrap(cause.getCause());
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
