package se.planpuls.api.leadership;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import se.planpuls.api.map.MapRoutes;
import se.planpuls.bot.TeamsBot;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.ChannelService;
import se.planpuls.db.DigestService;
import se.planpuls.domain.ChannelSubscription;
import se.planpuls.scheduler.ScheduledTask;

/**
 * The weekly digest on the scheduler's port, to subscribed leadership channels one after another.
 * Each digest covers the changes since the previous digest to that channel, and is posted even when
 * no owner has answered. Two tasks: {@code digest} posts to every channel now (on demand), and
 * {@code digest-schedule} runs every half hour and posts to each channel whose own schedule (default
 * Mondays 08:00, Europe/Stockholm) has come since its last digest: once, and once after downtime.
 */
final class DigestTask implements ScheduledTask {
    static final String NAME = "digest";
    static final String SCHEDULED = "digest-schedule";

    private final ChannelService channels;
    private final DigestService digests;
    private final TeamsBot bot;
    private final MapRoutes map;
    private final Clock clock;
    private final boolean onSchedule;

    private DigestTask(ChannelService channels, DigestService digests, TeamsBot bot, MapRoutes map, Clock clock,
                       boolean onSchedule) {
        this.channels = channels;
        this.digests = digests;
        this.bot = bot;
        this.map = map;
        this.clock = clock;
        this.onSchedule = onSchedule;
    }

    static DigestTask now(ChannelService channels, DigestService digests, TeamsBot bot, MapRoutes map, Clock clock) {
        return new DigestTask(channels, digests, bot, map, clock, false);
    }

    static DigestTask onSchedule(ChannelService channels, DigestService digests, TeamsBot bot, MapRoutes map,
                                 Clock clock) {
        return new DigestTask(channels, digests, bot, map, clock, true);
    }

    @Override
    public String name() {
        return onSchedule ? SCHEDULED : NAME;
    }

    @Override
    public String cron() {
        return onSchedule ? "0 0/30 * ? * *" : null;
    }

    @Override
    public CompletableFuture<String> run() {
        var all = channels.all();
        var due = onSchedule ? all.stream().filter(this::due).toList() : all;
        return ChannelPosts.each(due, "Digest", this::post)
                .thenApply(counts -> counts.posted() + " channels posted, " + counts.failed() + " failed"
                        + (onSchedule ? ", " + (all.size() - due.size()) + " not due" : ""));
    }

    /** The channel's latest scheduled moment has come since its last digest (or since it subscribed). */
    private boolean due(ChannelSubscription channel) {
        Instant slot = channel.digestSchedule().latestAtOrBefore(clock.instant().atZone(WorkingCalendar.ZONE))
                .toInstant();
        Instant since = channels.lastDigest(channel.id()).orElse(channel.createdAt());
        return since == null || slot.isAfter(since);
    }

    private CompletableFuture<Void> post(ChannelSubscription channel) {
        var since = channels.lastDigest(channel.id()).orElse(null);
        var digest = digests.digest(channel.planId(), since)
                .withIndicatorCharts(item -> map.sparklineLink(channel.planId(), item));
        return bot.postDigest(channel, digest, map.pageLink(channel.planId()), map.pictureLink(channel.planId()),
                        map.statusPictureLink(channel.planId()))
                .thenRun(() -> channels.recordDigest(channel.id(), digest.since()));
    }
}
