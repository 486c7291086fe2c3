package se.planpuls.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock that only moves when the limiter sleeps. */
    private static final class FakeTime {
        long now = 1_000_000_000L;
    }

    private static int mostInAnySecond(List<Long> times) {
        int most = 0;
        for (int i = 0; i < times.size(); i++) {
            int count = 0;
            for (long t : times) {
                if (t >= times.get(i) && t < times.get(i) + 1_000_000_000L) {
                    count++;
                }
            }
            most = Math.max(most, count);
        }
        return most;
    }

    @Test
    void one_conversation_gets_at_most_7_sends_in_any_second() throws InterruptedException {
        var time = new FakeTime();
        var limiter = new RateLimiter(7, 50, () -> time.now, nanos -> time.now += nanos);
        List<Long> sends = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            limiter.acquire(1);
            sends.add(time.now);
        }

        assertThat(mostInAnySecond(sends)).isEqualTo(7);
    }

    @Test
    void the_bot_sends_at_most_50_a_second_in_all_and_close_to_that() throws InterruptedException {
        var time = new FakeTime();
        var limiter = new RateLimiter(7, 50, () -> time.now, nanos -> time.now += nanos);
        List<Long> sends = new ArrayList<>();
        long start = time.now;

        for (int i = 0; i < 1000; i++) {
            limiter.acquire(i);
            sends.add(time.now);
        }

        assertThat(mostInAnySecond(sends)).isBetween(45, 50);
        double seconds = (time.now - start) / 1e9;
        assertThat(1000 / seconds).isBetween(45.0, 50.0);
    }

    @Test
    void a_paused_conversation_waits_out_its_retry_after_while_others_go_on() throws InterruptedException {
        var time = new FakeTime();
        var limiter = new RateLimiter(7, 50, () -> time.now, nanos -> time.now += nanos);
        long start = time.now;

        limiter.pause(1, Duration.ofSeconds(3));
        limiter.acquire(2);
        assertThat(time.now - start).isLessThan(100_000_000L);
        limiter.acquire(1);

        assertThat(time.now - start).isGreaterThanOrEqualTo(3_000_000_000L);
    }
}
