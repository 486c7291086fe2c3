package se.planpuls.domain.reach;

/**
 * What Teams says about a person: from a team's roster or from the person's own message. Ids are
 * text, never parsed: Teams' user ids are not GUIDs, and neither are the Agents Playground's.
 */
public record TeamsAccount(String teamsUserId, String aadObjectId, String email, String userPrincipalName,
                           String name) {
}
