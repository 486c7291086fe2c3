package se.planpuls.domain;

import java.time.Instant;

/**
 * A leadership channel subscribed to a plan's weekly digest. The service URL and tenant come from
 * the conversation reference the bot stored when it was added to the team.
 *
 * @param language what the digest and the annual review are posted in: {@code sv} (the default) or {@code en}
 */
public record ChannelSubscription(long id, long planId, String teamId, String channelId, String schedule,
                                  String serviceUrl, String tenantId, String createdBy, Instant createdAt,
                                  String language) {
    /** The default schedule: Mondays at 08:00, Europe/Stockholm. */
    public static final String WEEKLY_MONDAY_0800 = "MON 08:00";

    public DigestSchedule digestSchedule() {
        return DigestSchedule.parse(schedule);
    }
}
