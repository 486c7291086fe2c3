package se.planpuls.bot;

/** What a check-in run did: owners prompted, cards sent, owners without a stored chat, sends that failed. */
public record CheckInSummary(int ownersPrompted, int cardsSent, int ownersUnreachable, int failures) {
}
