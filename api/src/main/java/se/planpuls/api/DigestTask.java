package se.planpuls.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.ChannelService;
import se.planpuls.db.DigestService;
import se.planpuls.domain.ChannelSubscription;

/**
 * The weekly digest on the scheduler's port: Mondays at 08:00, Stockholm time, to every subscribed
 * leadership channel, one after another. Each digest covers the changes since the previous digest
 * to that channel, and is posted even when no owner has answered.
 */
final class DigestTask implements se.planpuls.scheduler.ScheduledTask {
    static final String NAME = "digest";
    private static final Logger LOG = LoggerFactory.getLogger(DigestTask.class);

    private final ChannelService channels;
    private final DigestService digests;
    private final TeamsBot bot;
    private final MapLinks links;

    DigestTask(ChannelService channels, DigestService digests, TeamsBot bot, MapLinks links) {
        this.channels = channels;
        this.digests = digests;
        this.bot = bot;
        this.links = links;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cron() {
        return "0 0 8 ? * MON";
    }

    @Override
    public CompletableFuture<String> run() {
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (ChannelSubscription channel : channels.all()) {
            chain = chain.thenCompose(done -> post(channel).handle((ok, error) -> {
                if (error != null) {
                    LOG.warn("Digest to channel {} failed: {}", channel.channelId(), error.toString());
                    failed.incrementAndGet();
                } else {
                    posted.incrementAndGet();
                }
                return null;
            }));
        }
        return chain.thenApply(done -> posted.get() + " channels posted, " + failed.get() + " failed");
    }

    private CompletableFuture<Void> post(ChannelSubscription channel) {
        try {
            var since = channels.lastDigest(channel.id()).orElse(null);
            var digest = digests.digest(channel.planId(), since);
            return bot.postDigest(channel, digest, links.page(channel.planId()), links.png(channel.planId()))
                    .thenRun(() -> channels.recordDigest(channel.id(), digest.since()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
