package se.planpuls.domain;

/** What an admin supplies to create an owner; checked against the owner rules before it is stored. */
public record NewOwner(String name, String email, String aadObjectId, boolean admin) {
}
