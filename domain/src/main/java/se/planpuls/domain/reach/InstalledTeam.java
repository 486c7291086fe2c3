package se.planpuls.domain.reach;

import java.time.Instant;

/**
 * A team the Planpuls app is installed in, and where to reach Teams for it.
 *
 * @param botId        the bot's account id in this tenant, as Teams named it on installation (may be null)
 * @param rosterReadAt when its members were last read, or null
 */
public record InstalledTeam(String teamId, String name, String serviceUrl, String tenantId, String botId,
                            Instant installedAt, Instant rosterReadAt) {
}
