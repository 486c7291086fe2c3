package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.ChannelSubscription;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;

/**
 * Leadership channels subscribed to a plan's digest. A channel can only be subscribed once the
 * bot is in its team: the service URL to post to comes from the conversation reference stored then.
 */
public final class ChannelService {
    static final int MAX_ID = 500;

    private final Jdbi jdbi;
    private final Clock clock;

    public ChannelService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public List<ChannelSubscription> all() {
        return jdbi.withExtension(LeadershipDao.class, LeadershipDao::subscriptions);
    }

    public ChannelSubscription get(long id) {
        return jdbi.withExtension(LeadershipDao.class, dao -> dao.subscription(id))
                .orElseThrow(() -> new NotFoundException("channel subscription", id));
    }

    /**
     * Subscribes a channel the bot has seen (installed in its team, or spoken to in it). The
     * endpoint is looked up by the channel, then by the team's General channel (whose id is the team id).
     */
    public ChannelSubscription subscribe(long planId, String teamId, String channelId, String schedule,
                                         String createdBy) {
        return subscribe(planId, teamId, channelId, schedule, null, createdBy);
    }

    /** As {@link #subscribe(long, String, String, String, String)}, posting in {@code language} (sv or en; null: sv). */
    public ChannelSubscription subscribe(long planId, String teamId, String channelId, String schedule,
                                         String language, String createdBy) {
        String finalLanguage = language(language);
        check("teamId", teamId);
        check("channelId", channelId);
        String finalSchedule = schedule(schedule);
        return jdbi.inTransaction(handle -> {
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            handle.attach(PlanDao.class).plan(planId)
                    .orElseThrow(() -> new InvalidInputException("planId", "plan.unknown", "no plan has id " + planId));
            var endpoint = endpoint(dao, channelId).or(() -> endpoint(dao, teamId))
                    .orElseThrow(() -> new InvalidInputException("channelId", "channel.unknownToBot",
                            "the bot has not been added to the team of channel " + channelId
                                    + "; add the Planpuls app to the team first"));
            var created = insert(dao, planId, teamId, channelId, finalSchedule, endpoint.serviceUrl(),
                    endpoint.tenantId(), createdBy, finalLanguage);
            AuditLog.record(handle, clock, se.planpuls.domain.Actor.api(createdBy), "create", "channel", created.id(),
                    planId, null, null, created);
            return created;
        });
    }

    /** Subscribes the channel a message came from (the bot's {@code prenumerera} command), to the first plan. */
    public Subscribed subscribeFromTeams(String teamId, String channelId, String serviceUrl, String tenantId,
                                         String createdBy) {
        check("teamId", teamId);
        check("channelId", channelId);
        return jdbi.inTransaction(handle -> {
            long planId = handle.attach(PlanDao.class).plans().stream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("planId", "plan.none", "there is no plan"))
                    .id();
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var existing = dao.subscription(planId, channelId);
            if (existing.isPresent()) {
                return new Subscribed(existing.get(), false);
            }
            var created = insert(dao, planId, teamId, channelId, ChannelSubscription.WEEKLY_MONDAY_0800,
                    serviceUrl, tenantId, createdBy, "sv");
            AuditLog.record(handle, clock, new se.planpuls.domain.Actor(createdBy, "bot"), "create", "channel",
                    created.id(), planId, null, null, created);
            return new Subscribed(created, true);
        });
    }

    /** A subscription, and whether this call made it (false when the channel was subscribed already). */
    public record Subscribed(ChannelSubscription subscription, boolean created) {
    }

    public void unsubscribe(long id) {
        jdbi.useTransaction(handle -> {
            LeadershipDao dao = handle.attach(LeadershipDao.class);
            var before = dao.subscription(id).orElseThrow(() -> new NotFoundException("channel subscription", id));
            dao.deleteSubscription(id);
            AuditLog.record(handle, clock, se.planpuls.domain.Actor.api("admin"), "delete", "channel", id,
                    before.planId(), null, before, null);
        });
    }

    /** When the last digest went to this channel, if ever. */
    public Optional<Instant> lastDigest(long subscriptionId) {
        return jdbi.withExtension(LeadershipDao.class, dao -> dao.lastDigest(subscriptionId));
    }

    public void recordDigest(long subscriptionId, Instant coveredFrom) {
        jdbi.useExtension(LeadershipDao.class, dao -> dao.insertDigestPost(subscriptionId, coveredFrom, clock.instant()));
    }

    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return "sv";
        }
        String lower = language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals("sv") && !lower.equals("en")) {
            throw new InvalidInputException("language", "language.invalid", "language must be sv or en");
        }
        return lower;
    }

    private ChannelSubscription insert(LeadershipDao dao, long planId, String teamId, String channelId,
                                       String schedule, String serviceUrl, String tenantId, String createdBy,
                                       String language) {
        if (dao.subscription(planId, channelId).isPresent()) {
            throw new InvalidInputException("channelId", "subscription.taken",
                    "channel " + channelId + " is already subscribed to plan " + planId);
        }
        long id = dao.insertSubscription(planId, teamId.strip(), channelId.strip(), schedule, serviceUrl, tenantId,
                createdBy, clock.instant(), language);
        return dao.subscription(id).orElseThrow();
    }

    private static Optional<LeadershipDao.Endpoint> endpoint(LeadershipDao dao, String channelId) {
        String escaped = channelId.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return dao.channelEndpoint(channelId.strip(), escaped + ";%");
    }

    private static String schedule(String schedule) {
        return se.planpuls.domain.DigestSchedule.parse(schedule).toString();
    }

    private static void check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + ".missing", field + " is required");
        }
        if (value.length() > MAX_ID) {
            throw new InvalidInputException(field, field + ".tooLong", field + " must be at most " + MAX_ID + " characters");
        }
    }
}
