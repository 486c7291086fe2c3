package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person responsible for milestones; linked to a Teams user by Entra object id or e-mail.
 *
 * @param locale       the language the owner chose in the bot ("sv" or "en"), or null for the client's
 * @param substituteId the owner's substitute (ersättare), who may report on their behalf
 * @param leaveUntil   prompts pause until and including this date
 * @param snoozeUntil  check-ins pause until and including this date
 */
public record Owner(long id, String name, String email, String aadObjectId, String teamsUserId,
                    boolean admin, Instant createdAt, String locale, Long substituteId, LocalDate leaveUntil,
                    LocalDate snoozeUntil) {
}
