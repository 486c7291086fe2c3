package se.planpuls.api.leadership;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.domain.ChannelSubscription;

/**
 * Posts to leadership channels one after another; a failed post is logged and counted, and the
 * others still go.
 */
final class ChannelPosts {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPosts.class);

    private ChannelPosts() {
    }

    static CompletableFuture<Counts> each(List<ChannelSubscription> channels, String what,
                                          Function<ChannelSubscription, CompletableFuture<Void>> post) {
        var posted = new AtomicInteger();
        var failed = new AtomicInteger();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (ChannelSubscription channel : channels) {
            chain = chain.thenCompose(done -> safely(post, channel).handle((ok, error) -> {
                if (error != null) {
                    LOG.warn("{} to channel {} failed: {}", what, channel.channelId(), error.toString());
                    failed.incrementAndGet();
                } else {
                    posted.incrementAndGet();
                }
                return null;
            }));
        }
        return chain.thenApply(done -> new Counts(posted.get(), failed.get()));
    }

    private static CompletableFuture<Void> safely(Function<ChannelSubscription, CompletableFuture<Void>> post,
                                                  ChannelSubscription channel) {
        try {
            return post.apply(channel);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    record Counts(int posted, int failed) {
    }
}
