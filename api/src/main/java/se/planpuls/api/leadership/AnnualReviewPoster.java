package se.planpuls.api.leadership;

import java.util.concurrent.CompletableFuture;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.bot.TeamsBot;
import se.planpuls.db.ChannelService;
import se.planpuls.domain.AnnualReview;

/** Posts an annual review's summary card to every leadership channel of its plan; the review stands either way. */
final class AnnualReviewPoster {
    private final ChannelService channels;
    private final TeamsBot bot;
    private final MapRoutes map;

    AnnualReviewPoster(ChannelService channels, TeamsBot bot, MapRoutes map) {
        this.channels = channels;
        this.bot = bot;
        this.map = map;
    }

    CompletableFuture<ChannelPosts.Counts> post(AnnualReview review) {
        var ofPlan = channels.all().stream().filter(c -> c.planId() == review.planId()).toList();
        return ChannelPosts.each(ofPlan, "Annual review",
                channel -> bot.postAnnualReview(channel, review, map.pageLink(review.planId())));
    }
}
