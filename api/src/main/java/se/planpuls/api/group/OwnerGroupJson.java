package se.planpuls.api.group;

import java.util.List;
import se.planpuls.domain.OwnerGroup;

/** A group that owns items, with its members, as the admin API shows it. */
record OwnerGroupJson(long id, String name, List<MemberJson> members, int version) {

    record MemberJson(long ownerId, String name, String email, String aadObjectId) {
    }

    static OwnerGroupJson of(OwnerGroup g) {
        return new OwnerGroupJson(g.id(), g.name(), g.members().stream()
                .map(m -> new MemberJson(m.ownerId(), m.name(), m.email(), m.aadObjectId())).toList(), g.version());
    }
}
