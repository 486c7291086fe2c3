package se.planpuls.domain.reach;

import se.planpuls.domain.Owner;

/**
 * A member of a team's roster who is an owner, and how far the bot has come with them.
 *
 * @param personalChat      whether a personal chat with the owner is stored
 * @param welcomed          whether the one welcome has been sent
 * @param welcomeChat       the chat a welcome that failed was to go to, or null
 */
public record RosterMatch(Owner owner, TeamsAccount account, boolean personalChat, boolean welcomed,
                          String welcomeChat) {
}
