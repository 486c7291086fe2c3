package se.planpuls.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private static final WorkingCalendar SE = WorkingCalendar.sweden();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_swedish_red_days_and_the_eves_the_region_keeps_free_are_not_working_days() {
        assertThat(d("2026-04-03")).matches(date -> !SE.isWorkingDay(date), "långfredag");
        assertThat(SE.isWorkingDay(d("2026-04-06"))).as("annandag påsk").isFalse();
        assertThat(SE.isWorkingDay(d("2026-05-14"))).as("Kristi himmelsfärd").isFalse();
        assertThat(SE.isWorkingDay(d("2026-06-19"))).as("midsommarafton").isFalse();
        assertThat(SE.isWorkingDay(d("2026-12-24"))).as("julafton").isFalse();
        assertThat(SE.isWorkingDay(d("2026-12-31"))).as("nyårsafton").isFalse();
        assertThat(SE.isWorkingDay(d("2027-01-06"))).as("trettondedag jul").isFalse();
        assertThat(SE.isWorkingDay(d("2026-04-07"))).as("the Tuesday after Easter").isTrue();
        assertThat(SE.isWorkingDay(d("2026-06-22"))).as("the Monday after midsommar").isTrue();
    }

    @Test
    void counting_back_across_easter_skips_good_friday_and_easter_monday() {
        // Tuesday 7 April 2026: Mon 6 (annandag påsk), Fri 3 (långfredag) are red; Thu 2 is the one before.
        assertThat(SE.minusWorkingDays(d("2026-04-07"), 1)).isEqualTo(d("2026-04-02"));
        assertThat(SE.minusWorkingDays(d("2026-04-07"), 5)).isEqualTo(d("2026-03-27"));
        assertThat(SE.plusWorkingDays(d("2026-04-02"), 1)).isEqualTo(d("2026-04-07"));
    }

    @Test
    void counting_back_across_midsommar_skips_midsommarafton() {
        // Monday 22 June 2026: the weekend and Friday 19 June (midsommarafton) lie between.
        assertThat(SE.minusWorkingDays(d("2026-06-22"), 1)).isEqualTo(d("2026-06-18"));
        assertThat(SE.plusWorkingDays(d("2026-06-18"), 1)).isEqualTo(d("2026-06-22"));
    }

    @Test
    void christmas_and_new_year_take_a_whole_stretch_of_days_out() {
        // 2026: 24, 25, 26 (Sat) Dec, 31 Dec, 1 Jan and 6 Jan 2027 are red or kept free.
        assertThat(SE.minusWorkingDays(d("2027-01-07"), 5)).isEqualTo(d("2026-12-28"));
        assertThat(SE.workingDaysBetween(d("2026-12-23"), d("2027-01-07"))).isEqualTo(6);
        assertThat(SE.plusWorkingDays(d("2026-12-23"), 1)).isEqualTo(d("2026-12-28"));
    }

    @Test
    void a_due_date_on_a_weekend_counts_back_from_the_friday() {
        // Sunday 15 November 2026.
        assertThat(SE.onOrBefore(d("2026-11-15"))).isEqualTo(d("2026-11-13"));
        assertThat(SE.minusWorkingDays(d("2026-11-15"), 1)).isEqualTo(d("2026-11-13"));
        assertThat(SE.minusWorkingDays(d("2026-11-15"), 5)).isEqualTo(d("2026-11-09"));
        assertThat(SE.plusWorkingDays(d("2026-11-15"), 1)).isEqualTo(d("2026-11-16"));
    }

    @Test
    void a_month_begins_on_its_first_working_day_and_january_ends_on_its_last() {
        assertThat(SE.firstWorkingDayOfMonth(2027, Month.JANUARY)).isEqualTo(d("2027-01-04"));
        assertThat(SE.lastWorkingDayOfMonth(2027, Month.JANUARY)).isEqualTo(d("2027-01-29"));
        assertThat(SE.firstWorkingDayOfMonth(2026, Month.MAY)).isEqualTo(d("2026-05-04"));
    }

    @Test
    void the_summer_quiet_period_is_four_weeks_from_the_first_monday_of_july() {
        var quiet = QuietPeriod.SUMMER;

        assertThat(quiet.start(2026)).isEqualTo(d("2026-07-06"));
        assertThat(quiet.end(2026)).isEqualTo(d("2026-08-02"));
        assertThat(quiet.postpone(d("2026-07-15"), SE)).isEqualTo(d("2026-08-03"));
        assertThat(quiet.postpone(d("2026-07-03"), SE)).isEqualTo(d("2026-07-03"));
    }
}
