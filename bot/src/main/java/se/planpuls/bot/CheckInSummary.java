package se.planpuls.bot;

/** What a check-in run did: owners prompted (one card each), milestones asked about, owners without a stored chat, sends that failed. */
public record CheckInSummary(int ownersPrompted, int milestonesAsked, int ownersUnreachable, int failures) {
}
