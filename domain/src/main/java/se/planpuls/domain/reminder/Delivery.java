package se.planpuls.domain.reminder;

import java.time.Instant;

/**
 * The outcome of one attempt to deliver a reminder.
 *
 * @param retryAt when to try again; null when trying again would not help (the log keeps it failed)
 */
public record Delivery(boolean sent, Integer httpStatus, String error, Instant retryAt) {
    public static Delivery delivered() {
        return new Delivery(true, null, null, null);
    }

    public static Delivery failed(Integer httpStatus, String error, Instant retryAt) {
        return new Delivery(false, httpStatus, error, retryAt);
    }
}
