package se.planpuls.domain;

import java.time.Instant;

/** A person responsible for milestones; linked to a Teams user by Entra object id or e-mail. */
public record Owner(long id, String name, String email, String aadObjectId, String teamsUserId,
                    boolean admin, Instant createdAt) {
}
