package se.planpuls.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.ChannelService;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.ChannelSubscription;

/**
 * Posts an annual review's summary card to every leadership channel of its plan, one after
 * another. A failed post is logged and counted; the review stands either way.
 */
final class AnnualReviewPoster {
    private static final Logger LOG = LoggerFactory.getLogger(AnnualReviewPoster.class);

    private final ChannelService channels;
    private final TeamsBot bot;
    private final MapLinks links;

    AnnualReviewPoster(ChannelService channels, TeamsBot bot, MapLinks links) {
        this.channels = channels;
        this.bot = bot;
        this.links = links;
    }

    CompletableFuture<Posted> post(AnnualReview review) {
        var failed = new AtomicInteger();
        var posted = new AtomicInteger();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (ChannelSubscription channel : channels.all()) {
            if (channel.planId() != review.planId()) {
                continue;
            }
            chain = chain.thenCompose(done -> bot.postAnnualReview(channel, review, links.page(review.planId()))
                    .handle((ok, error) -> {
                        if (error != null) {
                            LOG.warn("Annual review to channel {} failed: {}", channel.channelId(), error.toString());
                            failed.incrementAndGet();
                        } else {
                            posted.incrementAndGet();
                        }
                        return null;
                    }));
        }
        return chain.thenApply(done -> new Posted(posted.get(), failed.get()));
    }

    record Posted(int posted, int failed) {
    }
}
