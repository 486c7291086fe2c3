package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    @Test
    void a_schedule_is_a_weekday_and_a_half_hour_in_stockholm() {
        assertThat(DigestSchedule.parse("fri 15:30")).isEqualTo(new DigestSchedule(DayOfWeek.FRIDAY, LocalTime.of(15, 30)));
        assertThat(DigestSchedule.parse(null)).isEqualTo(DigestSchedule.DEFAULT);
        assertThat(DigestSchedule.parse(" mon 08:00 ").toString()).isEqualTo("MON 08:00");
        for (String bad : new String[] {"every day", "MON 8:00", "MON 08:15", "MÅN 08:00", "MON 24:00"}) {
            assertThatThrownBy(() -> DigestSchedule.parse(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("schedule"));
        }
    }

    @Test
    void the_latest_moment_is_this_weeks_once_it_has_come_else_last_weeks_across_summer_time() {
        var monday8 = DigestSchedule.DEFAULT;

        assertThat(monday8.latestAtOrBefore(ZonedDateTime.parse("2026-11-23T08:00:00+01:00[Europe/Stockholm]")))
                .isEqualTo(ZonedDateTime.parse("2026-11-23T08:00:00+01:00[Europe/Stockholm]"));
        assertThat(monday8.latestAtOrBefore(ZonedDateTime.parse("2026-11-23T07:59:00+01:00[Europe/Stockholm]")))
                .isEqualTo(ZonedDateTime.parse("2026-11-16T08:00:00+01:00[Europe/Stockholm]"));
        // Summer time ended on Sunday 25 October 2026: the Monday before was still at +02:00.
        assertThat(monday8.latestAtOrBefore(ZonedDateTime.parse("2026-10-26T07:00:00+01:00[Europe/Stockholm]")))
                .isEqualTo(ZonedDateTime.parse("2026-10-19T08:00:00+02:00[Europe/Stockholm]"));
    }
}
