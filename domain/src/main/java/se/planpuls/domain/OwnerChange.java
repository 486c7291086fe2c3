package se.planpuls.domain;

import java.time.LocalDate;

/**
 * An admin's change to an owner; a null field is left as it is. {@code clearLeave} and
 * {@code clearSubstitute} remove those; the substitute is named by e-mail and must be an owner.
 */
public record OwnerChange(String name, String email, String aadObjectId, Boolean admin, LocalDate leaveUntil,
                          boolean clearLeave, String substituteEmail, boolean clearSubstitute) {
}
