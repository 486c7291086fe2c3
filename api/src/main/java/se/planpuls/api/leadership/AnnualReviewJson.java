package se.planpuls.api.leadership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.planpuls.domain.AnnualReview;
import se.planpuls.domain.Status;

/**
 * The annual review as JSON: the review's own fields, each entry with its status colour ({@code green},
 * {@code yellow}, {@code red}, or {@code grey} without a report), as the HTML page and the CSV show it.
 */
record AnnualReviewJson(long planId, String planName, int year, boolean snapshot, Long snapshotId, Instant takenAt,
                        LocalDate asOf, List<Entry> entries) {

    record Entry(String groupName, String areaCode, String areaName, String milestoneCode, String title, int dueYear,
                 boolean dateUncertain, Status status, String colour, String lastComment, Instant reportedAt,
                 List<String> effectsSeen) {
    }

    static AnnualReviewJson of(AnnualReview review) {
        return new AnnualReviewJson(review.planId(), review.planName(), review.year(), review.snapshot(),
                review.snapshotId(), review.takenAt(), review.asOf(), review.entries().stream()
                        .map(e -> new Entry(e.groupName(), e.areaCode(), e.areaName(), e.milestoneCode(), e.title(),
                                e.dueYear(), e.dateUncertain(), e.status(), colour(e.status()), e.lastComment(),
                                e.reportedAt(), e.effectsSeen()))
                        .toList());
    }

    static String colour(Status status) {
        return status == null ? "grey" : status.colour();
    }
}
