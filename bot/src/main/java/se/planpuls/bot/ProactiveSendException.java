package se.planpuls.bot;

import java.time.Duration;

/**
 * A proactive message that did not reach its recipient: the connector's HTTP status (0 when there
 * was no answer), its Retry-After when it gave one, or that no personal chat is stored.
 */
public final class ProactiveSendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient Duration retryAfter;
    private final boolean unreachable;

    ProactiveSendException(int httpStatus, Duration retryAfter, boolean unreachable, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.unreachable = unreachable;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
