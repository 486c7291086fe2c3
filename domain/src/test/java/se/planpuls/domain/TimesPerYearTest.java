package se.planpuls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.planpuls.domain.TimesPerYear.Pace;

class TimesPerYearTest {

    @ParameterizedTest(name = "{0} reports by {1}, min {2} max {3}: {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # reports, today,      min, max, pace
              0,       2026-01-15, 4,   -,   ON_TRACK
              0,       2026-03-31, 4,   -,   ON_TRACK
              0,       2026-04-02, 4,   -,   BEHIND
              1,       2026-04-02, 4,   -,   ON_TRACK
              0,       2026-07-02, 4,   -,   LATE
              1,       2026-07-02, 4,   -,   BEHIND
              2,       2026-07-02, 4,   -,   ON_TRACK
              4,       2026-06-30, 4,   -,   ON_TRACK
              4,       2026-12-31, 4,   -,   ON_TRACK
              3,       2026-12-31, 4,   -,   BEHIND
              2,       2026-12-31, 4,   -,   LATE
              9,       2026-12-31, 4,   -,   ON_TRACK
              0,       2026-06-30, 1,   2,   ON_TRACK
              0,       2026-12-31, 1,   2,   BEHIND
              1,       2026-03-01, 1,   2,   ON_TRACK
              2,       2026-09-01, 1,   2,   ON_TRACK
              3,       2026-09-01, 1,   2,   OVER_MAX
              0,       2026-12-31, 12,  -,   LATE
              11,      2026-12-31, 12,  12,  BEHIND
              13,      2026-12-31, 12,  12,  OVER_MAX
            """)
    void a_count_is_judged_by_reports_so_far_and_the_time_left_in_the_year(int reports, LocalDate today, int min,
                                                                           Integer max, Pace pace) {
        assertThat(new TimesPerYear(min, max).judge(reports, null, today)).isEqualTo(pace);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            # reports, min, max, pace once the year is over
              0,       1,   2,   LATE
              1,       1,   2,   ON_TRACK
              2,       1,   2,   ON_TRACK
              3,       1,   2,   OVER_MAX
              3,       4,   -,   LATE
              4,       4,   -,   ON_TRACK
              9,       4,   -,   ON_TRACK
            """)
    void once_the_year_is_over_short_of_the_minimum_is_late_however_close(int reports, int min, Integer max, Pace pace) {
        assertThat(new TimesPerYear(min, max).closedYear(reports)).isEqualTo(pace);
    }

    @Test
    void four_reports_in_one_half_year_are_on_track_where_a_quarterly_frequency_would_be_late() {
        var atLeastFour = new TimesPerYear(4, null);

        assertThat(atLeastFour.judge(4, null, LocalDate.of(2026, 11, 30))).isEqualTo(Pace.ON_TRACK);
    }

    @Test
    void a_commitment_that_starts_mid_year_is_paced_from_its_start() {
        var atLeastTwo = new TimesPerYear(2, null);
        LocalDate start = LocalDate.of(2026, 7, 1);

        assertThat(atLeastTwo.judge(0, start, LocalDate.of(2026, 6, 1))).isEqualTo(Pace.ON_TRACK);
        assertThat(atLeastTwo.judge(0, start, LocalDate.of(2026, 9, 1))).isEqualTo(Pace.ON_TRACK);
        assertThat(atLeastTwo.judge(0, start, LocalDate.of(2026, 10, 1))).isEqualTo(Pace.BEHIND);
        assertThat(atLeastTwo.judge(0, null, LocalDate.of(2026, 10, 1))).isEqualTo(Pace.BEHIND);
        assertThat(atLeastTwo.judge(0, null, LocalDate.of(2026, 12, 31))).isEqualTo(Pace.LATE);
    }

    @Test
    void the_csv_spelling_reads_back_what_it_writes_and_refuses_other_text() {
        assertThat(TimesPerYear.parse("4+")).contains(new TimesPerYear(4, null));
        assertThat(TimesPerYear.parse("4")).contains(new TimesPerYear(4, null));
        assertThat(TimesPerYear.parse(" 1 - 2 ")).contains(new TimesPerYear(1, 2));
        assertThat(new TimesPerYear(1, 2).text()).isEqualTo("1-2");
        assertThat(new TimesPerYear(4, null).text()).isEqualTo("4+");
        assertThat(TimesPerYear.parse("fyra")).isEmpty();
        assertThat(TimesPerYear.parse("1-")).isEmpty();
    }
}
