package se.planpuls.api.owner;

import java.time.Instant;
import java.time.LocalDate;
import se.planpuls.domain.Owner;

/**
 * An owner on the wire: whether Teams has linked them, never their Teams ids themselves; in the list
 * of owners the bot cannot reach, also why ({@code reason}, null elsewhere).
 */
record OwnerJson(long id, String name, String email, String aadObjectId, boolean linkedToTeams, boolean admin,
                 Instant createdAt, LocalDate leaveUntil, Long substituteId,
                 String reason) {
    static OwnerJson of(Owner o) {
        return unreachable(o, null);
    }

    static OwnerJson unreachable(Owner o, String reason) {
        return new OwnerJson(o.id(), o.name(), o.email(), o.aadObjectId(), o.teamsUserId() != null, o.admin(),
                o.createdAt(), o.leaveUntil(), o.substituteId(), reason);
    }
}
