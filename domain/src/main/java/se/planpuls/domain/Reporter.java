package se.planpuls.domain;

/** Who stands behind a report: an owner (by id) or an admin acting through the API. */
public record Reporter(Long ownerId, String name) {
    public static Reporter owner(Owner owner) {
        return new Reporter(owner.id(), owner.name());
    }
}
