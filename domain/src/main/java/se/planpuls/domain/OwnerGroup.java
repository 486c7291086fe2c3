package se.planpuls.domain;

import java.util.List;

/**
 * A group that owns items in a person's place: Örebro's "förvaltningen" and "beredningarna",
 * Södra's networks. Any member may report for it; prompts go to every member until one answers.
 *
 * @param members the members, each an owner known by Entra object id or e-mail
 * @param version increases with every change; the API's ETag
 */
public record OwnerGroup(long id, String name, List<Member> members, int version) {
    public OwnerGroup {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A member as the admin API shows one. */
    public record Member(long ownerId, String name, String email, String aadObjectId) {
    }

    public boolean hasMember(long ownerId) {
        return members.stream().anyMatch(m -> m.ownerId() == ownerId);
    }
}
