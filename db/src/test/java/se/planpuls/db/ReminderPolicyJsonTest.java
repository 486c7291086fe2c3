package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.calendar.QuietPeriod;
import se.planpuls.domain.reminder.ReminderPolicy;

class ReminderPolicyJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReminderPolicy read(String json) throws Exception {
        return ReminderPolicyJson.read(JSON.readTree(json), ReminderPolicy.DEFAULT);
    }

    private static String fieldOf(String json) {
        try {
            read(json);
        } catch (InvalidInputException e) {
            return e.field();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void a_policy_is_written_and_read_back_unchanged() {
        var policy = new ReminderPolicy(List.of(30, 3), false, MonthDay.of(2, 28), List.of(10), 3, 7, 4, 9,
                new QuietPeriod(Month.AUGUST, DayOfWeek.WEDNESDAY, 2), 45);

        assertThat(ReminderPolicyJson.fromJson(ReminderPolicyJson.toJson(policy))).isEqualTo(policy);
        assertThat(ReminderPolicyJson.fromJson(ReminderPolicyJson.toJson(ReminderPolicy.DEFAULT)))
                .isEqualTo(ReminderPolicy.DEFAULT);
    }

    @Test
    void fields_left_out_keep_their_values() throws Exception {
        var policy = read("{\"checkInMonths\":0,\"quietPeriod\":{\"weeks\":6}}");

        assertThat(policy.checkInMonths()).isZero();
        assertThat(policy.deadlineDays()).containsExactly(20, 10, 5, 1);
        assertThat(policy.quietPeriod()).isEqualTo(new QuietPeriod(Month.JULY, DayOfWeek.MONDAY, 6));
        assertThat(policy.staleAfterDays()).isEqualTo(60);
        assertThat(read("{\"staleAfterDays\":90}").staleAfterDays()).isEqualTo(90);
    }

    @Test
    void every_bad_value_is_named_by_its_field() {
        assertThat(fieldOf("{\"deadlineDays\":\"20,10\"}")).isEqualTo("deadlineDays");
        assertThat(fieldOf("{\"deadlineDays\":[20,20]}")).isEqualTo("deadlineDays");
        assertThat(fieldOf("{\"overdue\":\"yes\"}")).isEqualTo("overdue");
        assertThat(fieldOf("{\"reviewDate\":\"2027-01-31\"}")).isEqualTo("reviewDate");
        assertThat(fieldOf("{\"reviewDays\":[300]}")).isEqualTo("reviewDays");
        assertThat(fieldOf("{\"checkInSkipDays\":1.5}")).isEqualTo("checkInSkipDays");
        assertThat(fieldOf("{\"staleAfterDays\":0}")).isEqualTo("staleAfterDays");
        assertThat(fieldOf("{\"staleAfterDays\":\"60\"}")).isEqualTo("staleAfterDays");
        assertThat(fieldOf("{\"followUpAfter\":0}")).isEqualTo("followUpAfter");
        assertThat(fieldOf("{\"quietPeriod\":{\"month\":13}}")).isEqualTo("quietPeriod.month");
        assertThat(fieldOf("{\"quietPeriod\":{\"weekday\":\"FUNDAY\"}}")).isEqualTo("quietPeriod.weekday");
        assertThat(fieldOf("{\"quietPeriod\":{\"weeks\":\"four\"}}")).isEqualTo("quietPeriod.weeks");
        assertThat(fieldOf("{\"quietPeriod\":{\"days\":3}}")).isEqualTo("quietPeriod.days");
        assertThat(fieldOf("{\"sendAt\":\"09:00\"}")).isEqualTo("sendAt");
        assertThat(fieldOf("[1]")).isEqualTo("body");
    }
}
