package se.planpuls.api.leadership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import se.planpuls.domain.calendar.WorkingCalendar;
import se.planpuls.db.AnnualReviewService;
import se.planpuls.db.ReminderService;
import se.planpuls.domain.reminder.ReminderPolicy;
import se.planpuls.scheduler.ScheduledTask;

/**
 * On each plan's review date (its reminder policy's, a working day: by default the last working day
 * of January), takes the annual review and posts its summary to the plan's leadership channels. A
 * review date in the first half of the year reviews the year before (January 2027 reviews 2026);
 * a later one reviews its own year. Taken once: a snapshot already taken that day is not taken again.
 */
final class AnnualReviewTask implements ScheduledTask {
    static final String NAME = "annual-review";

    private final ReminderService reminders;
    private final AnnualReviewService reviews;
    private final AnnualReviewPoster poster;

    AnnualReviewTask(ReminderService reminders, AnnualReviewService reviews, AnnualReviewPoster poster) {
        this.reminders = reminders;
        this.reviews = reviews;
        this.poster = poster;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cron() {
        return "0 0 8 ? * MON-FRI";
    }

    @Override
    public CompletableFuture<String> run() {
        LocalDate today = reminders.today();
        List<String> done = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (long planId : reminders.planIds()) {
            LocalDate reviewDate = reminders.policy(planId).reviewDate(today.getYear(), reminders.calendar());
            if (!today.equals(reviewDate)) {
                continue;
            }
            int year = ReminderPolicy.yearReviewed(reviewDate);
            var existing = reviews.review(planId, year);
            if (existing.snapshot() && existing.takenAt().atZone(WorkingCalendar.ZONE).toLocalDate().equals(today)) {
                done.add("plan " + planId + ": review of " + year + " already taken today");
                continue;
            }
            var review = reviews.take(planId, year);
            chain = chain.thenCompose(x -> poster.post(review).thenAccept(posted -> done.add("plan " + planId
                    + ": review of " + year + " taken, posted to " + posted.posted() + " channels ("
                    + posted.failed() + " failed)")));
        }
        return chain.thenApply(x -> done.isEmpty() ? "no plan has its review date today (" + today + ")"
                : String.join("; ", done));
    }
}
