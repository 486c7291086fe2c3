package se.planpuls.domain;

import java.time.LocalDate;

/**
 * An item's fields as an admin sets them, to create one or to change one. For a change, a null
 * field is left as it is; {@code clearOwner} removes the owner, and {@code reason} says why (it is
 * kept in the audit history, as the annual revision does for moved dates).
 */
public record ItemInput(String areaCode, String code, ItemKind kind, String title, String description,
                        String reachedWhen, Integer dueYear, LocalDate dueDate, Boolean dateUncertain,
                        String reportTo, Frequency frequency, LocalDate startsOn, Long ownerId, boolean clearOwner,
                        String reason) {
}
