package se.planpuls.domain;

/** What an admin supplies to create an owner; checked by {@link OwnerService}. */
public record NewOwner(String name, String email, String aadObjectId, boolean admin) {
}
