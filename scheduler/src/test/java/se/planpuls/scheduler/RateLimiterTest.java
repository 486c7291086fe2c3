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
            limiter.answered(limiter.acquire(1));
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
            limiter.answered(limiter.acquire(i));
            sends.add(time.now);
        }

        assertThat(mostInAnySecond(sends)).isBetween(48, 50);
        double seconds = (time.now - start) / 1e9;
        // The bound is the count in any second above; over the run it stays close to it.
        assertThat(1000 / seconds).isGreaterThanOrEqualTo(49.0);
    }

    @Test
    void however_late_the_connector_sees_each_send_before_its_answer_no_second_holds_more_than_50()
            throws InterruptedException {
        var time = new FakeTime();
        var limiter = new RateLimiter(7, 50, () -> time.now, nanos -> time.now += nanos);
        var random = new java.util.Random(7);
        List<Long> seen = new ArrayList<>();
        long start = time.now;

        for (int i = 0; i < 2000; i++) {
            var permit = limiter.acquire(i);
            // Answered up to 25 ms after its slot (a slow connector, a GC pause); the connector
            // counted it anywhere in between, the earliest ones at their slot.
            long answer = time.now + (i % 50 == 0 ? 25_000_000L : random.nextInt(25_000_000));
            seen.add(i % 50 == 0 ? answer : time.now + (long) (random.nextDouble() * (answer - time.now)));
            limiter.answered(permit, answer);
        }

        seen.sort(Long::compare);
        assertThat(mostInAnySecond(seen)).isLessThanOrEqualTo(50);
        assertThat(2000 / ((time.now - start) / 1e9)).isGreaterThanOrEqualTo(47.5);
    }

    @Test
    void a_send_not_yet_answered_holds_back_the_one_50_after_it_until_a_second_after_its_answer()
            throws InterruptedException {
        var time = new FakeTime();
        var limiter = new RateLimiter(7, 50, () -> time.now, nanos -> time.now += nanos);
        var first = limiter.acquire(0);
        for (int i = 1; i < 50; i++) {
            limiter.answered(limiter.acquire(i));
        }
        long answer = time.now + 300_000_000L;
        limiter.answered(first, answer);

        limiter.acquire(50);

        assertThat(time.now).isGreaterThan(answer + 1_000_000_000L);
    }

    @Test
    void after_another_instance_had_the_turn_the_next_send_waits_a_whole_second() throws InterruptedException {
        var time = new FakeTime();
        var limiter = new RateLimiter(7, 50, () -> time.now, nanos -> time.now += nanos);
        long taken = time.now;

        limiter.othersSentUntilNow();
        limiter.acquire(1);

        assertThat(time.now - taken).isGreaterThan(1_000_000_000L);
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
