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
                channel -> bot.postAnnualReview(channel, review, map.pageLink(review.planId()), pdfLink(review)));
    }

    /** The review's PDF by the plan's read-only key: a snapshot is read back, a live review at its as-of day. */
    String pdfLink(AnnualReview review) {
        return map.keyedLink(review.planId(), "/plans/" + review.planId() + "/annual-review.pdf?year=" + review.year()
                + (review.snapshot() ? "" : "&asOf=" + review.asOf()));
    }
}
