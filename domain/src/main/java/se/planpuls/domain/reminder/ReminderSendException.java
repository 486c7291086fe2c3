package se.planpuls.domain.reminder;

import java.time.Duration;

/**
 * Why a reminder could not be delivered: the connector's HTTP status (0 when there was no answer),
 * its Retry-After when it gave one, or that the recipient has no stored personal chat. The bot throws
 * it and the scheduler reads it to decide whether and when to try again.
 *
 * @see #httpStatus() the connector's answer, or 0 when there was none (timeout, no conversation)
 */
public final class ReminderSendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient Duration retryAfter;
    private final boolean unreachable;

    public ReminderSendException(int httpStatus, Duration retryAfter, boolean unreachable, String message) {
        this(httpStatus, retryAfter, unreachable, message, null);
    }

    public ReminderSendException(int httpStatus, Duration retryAfter, boolean unreachable, String message,
                                 Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.unreachable = unreachable;
    }

    /** The recipient has no stored personal chat with the bot. */
    public static ReminderSendException unreachable(String message) {
        return new ReminderSendException(0, null, true, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The connector's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
