package se.planpuls.api;

import java.time.Instant;
import java.time.LocalDate;
import se.planpuls.domain.Owner;

/** The API's JSON shapes, kept apart from the domain records so the wire format is deliberate. */
final class Views {
    private Views() {
    }

    record OwnerJson(long id, String name, String email, String aadObjectId, boolean linkedToTeams, boolean admin,
                     Instant createdAt, LocalDate leaveUntil, Long substituteId) {
        static OwnerJson of(Owner o) {
            return new OwnerJson(o.id(), o.name(), o.email(), o.aadObjectId(), o.teamsUserId() != null, o.admin(),
                    o.createdAt(), o.leaveUntil(), o.substituteId());
        }
    }
}
