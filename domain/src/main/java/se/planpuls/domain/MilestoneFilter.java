package se.planpuls.domain;

/** Optional filters for a milestone search; null means "any". */
public record MilestoneFilter(String query, String areaCode, Long ownerId, String status) {
}
