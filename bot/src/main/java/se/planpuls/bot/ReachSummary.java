package se.planpuls.bot;

/**
 * What one pass over the teams' rosters did.
 *
 * @param teams       teams whose members were read
 * @param failedTeams teams whose members could not be read
 * @param members     members read in all
 * @param owners      members who are owners
 * @param welcomed    owners the bot opened a chat with and welcomed now
 * @param failed      owners it tried to welcome and could not (tried again on a later pass)
 * @param reachable   owners it could reach already (a chat of their own, or welcomed before)
 */
public record ReachSummary(int teams, int failedTeams, int members, int owners, int welcomed, int failed,
                           int reachable) {
    static final ReachSummary NONE = new ReachSummary(0, 0, 0, 0, 0, 0, 0);

    static ReachSummary failedTeam() {
        return new ReachSummary(0, 1, 0, 0, 0, 0, 0);
    }

    ReachSummary plus(ReachSummary other) {
        return new ReachSummary(teams + other.teams, failedTeams + other.failedTeams, members + other.members,
                owners + other.owners, welcomed + other.welcomed, failed + other.failed, reachable + other.reachable);
    }

    @Override
    public String toString() {
        return teams + " teams read (" + failedTeams + " could not be), " + members + " members, " + owners
                + " of them owners: " + welcomed + " welcomed, " + failed + " failed, " + reachable + " reachable already";
    }
}
