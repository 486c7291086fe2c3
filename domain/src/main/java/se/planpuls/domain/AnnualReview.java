package se.planpuls.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual review (årlig uppföljning) of a plan for a year: per area, the milestones of each
 * year up to it with their status colour, last comment and the short-term effects reported as
 * seen, each as it stood at the end of {@code asOf} (the review date unless asked otherwise). Either
 * computed from the append-only history ({@code snapshot} false) or read back as it was taken.
 */
public record AnnualReview(long planId, String planName, int year, boolean snapshot, Long snapshotId,
                           Instant takenAt, LocalDate asOf, List<Entry> entries) {

    public record Entry(String groupName, String areaCode, String areaName, String milestoneCode, String title,
                        int dueYear, boolean dateUncertain, Status status, String lastComment, Instant reportedAt,
                        List<String> effectsSeen) {
    }
}
