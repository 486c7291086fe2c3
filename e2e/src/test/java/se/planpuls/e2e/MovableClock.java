package se.planpuls.e2e;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import se.planpuls.domain.calendar.WorkingCalendar;

/** The service's clock in a test that lives through several working days: moved on by the test, shared by every zone's view of it. */
final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    MovableClock(Instant start) {
        this(new AtomicReference<>(start), WorkingCalendar.ZONE);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void moveTo(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
