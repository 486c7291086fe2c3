package se.planpuls.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.Indicator;
import se.planpuls.domain.IndicatorDirection;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.NewIndicatorValue;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Reporter;

class IndicatorServiceTest {
    private static final Actor ADMIN = new Actor("admin", "api");
    static final Indicator HME = new Indicator("index", new BigDecimal("77"), LocalDate.of(2023, 12, 31),
            new BigDecimal("80"), LocalDate.of(2026, 12, 31), IndicatorDirection.AT_LEAST);

    static Milestone indicator(Fixtures f, Owner owner, Indicator definition) {
        return f.milestones.create(f.planId, new ItemInput("MED", "HME-1", ItemKind.INDICATOR,
                "Hållbart medarbetarengagemang (HME)", null, null, 2026, null, null, null, Frequency.YEARLY, null,
                owner == null ? null : owner.id(), false, null), definition, ADMIN);
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_card_of_many_rows_reads_its_indicators_definitions_with_the_rows_and_none_for_other_kinds(
            TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var item = indicator(f, anna, HME);
            var milestone = f.milestone("MED-1");

            var prompts = f.milestones.prompts(java.util.List.of(f.milestones.view(item.id()), milestone),
                    LocalDate.of(2026, 3, 2));

            assertThat(prompts.get(item.id()).indicator()).isEqualTo(HME);
            assertThat(prompts.get(milestone.milestone().id()).indicator()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_owners_value_is_appended_to_the_history_with_who_when_and_the_comment(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var item = indicator(f, anna, HME);
            var indicators = new IndicatorService(f.database, f.clock);

            var first = indicators.report(new NewIndicatorValue(item.id(), new BigDecimal("78.5"), " enkät i oktober ",
                    Reporter.owner(anna), "teams", "k1"));
            var again = indicators.report(new NewIndicatorValue(item.id(), new BigDecimal("78.5"), null,
                    Reporter.owner(anna), "teams", "k1"));
            indicators.report(new NewIndicatorValue(item.id(), new BigDecimal("81"), null, Reporter.owner(anna), "teams",
                    null));

            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.value().id()).isEqualTo(first.value().id());
            var values = indicators.values(item.id());
            assertThat(values).extracting(v -> v.value().toPlainString()).containsExactly("78.5", "81");
            assertThat(values.get(0).comment()).isEqualTo("enkät i oktober");
            assertThat(values.get(0).reporterName()).isEqualTo("Anna Berg");
            assertThat(values.get(0).reportedAt()).isEqualTo(Fixtures.NOW);
            var progress = indicators.progress(item).orElseThrow();
            assertThat(progress.indicator()).isEqualTo(HME);
            assertThat(progress.onTarget()).isTrue();
            assertThat(indicators.progressOfPlan(f.planId)).containsKey(item.id());
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_value_out_of_range_or_from_someone_else_is_refused_and_nothing_is_stored(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var bo = f.owner("Bo Ek", "bo@example.com", null);
            var share = new Indicator("%", null, null, new BigDecimal("90"), null, IndicatorDirection.AT_LEAST);
            var item = indicator(f, anna, share);
            var indicators = new IndicatorService(f.database, f.clock);

            assertThatThrownBy(() -> indicators.report(new NewIndicatorValue(item.id(), new BigDecimal("120"), null,
                    Reporter.owner(anna), "teams", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("value.outOfRange"));
            assertThatThrownBy(() -> indicators.report(new NewIndicatorValue(item.id(), new BigDecimal("50"), null,
                    Reporter.owner(bo), "teams", null))).isInstanceOf(ForbiddenException.class);
            long milestone = f.milestone("MED-1").milestone().id();
            assertThatThrownBy(() -> indicators.report(new NewIndicatorValue(milestone, new BigDecimal("50"), null,
                    Reporter.owner(anna), "teams", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("indicator.notIndicator"));
            assertThat(indicators.values(item.id())).isEmpty();
            assertThatThrownBy(() -> f.reports.report(new se.planpuls.domain.NewReport(item.id(),
                    se.planpuls.domain.Status.REACHED, "klart", Reporter.owner(anna), "teams", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("report.indicator"));
            assertThat(f.reports.history(item.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void an_indicator_needs_a_valid_definition_and_keeps_its_frequency_through_a_change(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            assertThatThrownBy(() -> indicator(f, null, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("indicator"));
            assertThatThrownBy(() -> indicator(f, null, new Indicator("%", null, null, null, null,
                    IndicatorDirection.AT_LEAST)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("indicator.target"));
            var item = indicator(f, null, HME);
            var changed = new Indicator("index", new BigDecimal("77"), LocalDate.of(2023, 12, 31), new BigDecimal("79"),
                    null, IndicatorDirection.AT_LEAST);
            var after = f.milestones.update(item.id(), new ItemInput(null, null, null, "HME", null, null, null, null,
                    null, null, null, null, null, false, "mål sänkt"), changed, null, ADMIN);

            assertThat(after.frequency()).isEqualTo(Frequency.YEARLY);
            var indicators = new IndicatorService(f.database, f.clock);
            assertThat(indicators.definition(item.id())).contains(changed);
            var actions = new AuditService(f.database).find("milestone", item.id(), null, null, 10, 0).entries();
            assertThat(actions).extracting(e -> e.action()).contains("define-indicator", "update-indicator");
        }
    }

    @ParameterizedTest
    @MethodSource("se.planpuls.db.TestDatabases#kinds")
    void a_value_answers_the_periods_reminder_and_the_digest_shows_it_against_the_target(TestDatabases.Kind kind) {
        try (var f = new Fixtures(kind.open())) {
            var anna = f.owner("Anna Berg", "anna@example.com", null);
            var item = indicator(f, anna, HME);
            var reminders = new ReminderService(f.database, f.clock, se.planpuls.domain.calendar.WorkingCalendar.sweden());
            // NOW is 22 November 2026: the year ends in under 30 working days, so the year's value is asked for.
            var today = java.time.LocalDate.of(2026, 12, 17);
            assertThat(reminders.due(today)).extracting(r -> r.key().milestoneId()).contains(item.id());

            new IndicatorService(f.database, f.clock).report(new NewIndicatorValue(item.id(), new BigDecimal("76"), null,
                    Reporter.owner(anna), "teams", null));

            assertThat(reminders.due(today)).extracting(r -> r.key().milestoneId()).doesNotContain(item.id());
            var digest = new DigestService(f.database, f.clock).digest(f.planId, null);
            assertThat(digest.indicators()).singleElement().satisfies(line -> {
                assertThat(line.code()).isEqualTo("HME-1");
                assertThat(line.progress().latestValue()).isEqualByComparingTo("76");
                assertThat(line.progress().onTarget()).isFalse();
                assertThat(line.progress().trend().arrow()).isEqualTo("↓");
            });
            assertThat(digest.areas()).filteredOn(a -> a.code().equals("MED")).singleElement()
                    .satisfies(a -> assertThat(a.total()).isEqualTo(f.milestones.search(
                            new se.planpuls.domain.MilestoneFilter(null, "MED", null, null)).size() - 1));
        }
    }
}
