package se.planpuls.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Indicator definitions (one row per indicator item) and their append-only values: no update or delete of a value. */
interface IndicatorDao {

    @SqlQuery("""
            SELECT i.milestone_id, i.unit, i.baseline_value, i.baseline_date, i.target_value, i.target_date, i.direction,
                   m.frequency
            FROM indicators i JOIN milestones m ON m.id = i.milestone_id WHERE i.milestone_id = :milestoneId""")
    @RegisterConstructorMapper(DefinitionRow.class)
    Optional<DefinitionRow> definition(long milestoneId);

    @SqlQuery("""
            SELECT i.milestone_id, i.unit, i.baseline_value, i.baseline_date, i.target_value, i.target_date, i.direction,
                   m.frequency
            FROM indicators i JOIN milestones m ON m.id = i.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL""")
    @RegisterConstructorMapper(DefinitionRow.class)
    List<DefinitionRow> definitionsOfPlan(long planId);

    /** The definitions of the given items, for a card of many rows at once (see {@link TurnQueries}). */
    String DEFINITIONS_OF = """
            SELECT milestone_id, unit, baseline_value, baseline_date, target_value, target_date, direction
            FROM indicators WHERE milestone_id IN (<milestoneIds>)""";

    @SqlUpdate("""
            INSERT INTO indicators (milestone_id, unit, baseline_value, baseline_date, target_value, target_date, direction)
            VALUES (:milestoneId, :unit, :baselineValue, :baselineDate, :targetValue, :targetDate, :direction)""")
    void insertDefinition(long milestoneId, String unit, BigDecimal baselineValue, LocalDate baselineDate,
                          BigDecimal targetValue, LocalDate targetDate, String direction);

    @SqlUpdate("""
            UPDATE indicators SET unit = :unit, baseline_value = :baselineValue, baseline_date = :baselineDate,
                   target_value = :targetValue, target_date = :targetDate, direction = :direction
            WHERE milestone_id = :milestoneId""")
    int updateDefinition(long milestoneId, String unit, BigDecimal baselineValue, LocalDate baselineDate,
                         BigDecimal targetValue, LocalDate targetDate, String direction);

    String VALUE_COLUMNS = """
            id, milestone_id, measured AS "value", comment, reporter_owner_id, reporter_name, on_behalf_of_id, source,
            reported_at""";

    @SqlUpdate("""
            INSERT INTO indicator_values (milestone_id, measured, comment, reporter_owner_id, reporter_name,
                                          on_behalf_of_id, source, idempotency_key, reported_at)
            VALUES (:milestoneId, :value, :comment, :reporterOwnerId, :reporterName, :onBehalfOfId, :source,
                    :idempotencyKey, :reportedAt)""")
    @GetGeneratedKeys("id")
    long insertValue(long milestoneId, BigDecimal value, String comment, Long reporterOwnerId, String reporterName,
                     Long onBehalfOfId, String source, String idempotencyKey, Instant reportedAt);

    @SqlQuery("SELECT " + VALUE_COLUMNS + " FROM indicator_values WHERE milestone_id = :milestoneId ORDER BY id")
    @RegisterConstructorMapper(se.planpuls.domain.IndicatorValue.class)
    List<se.planpuls.domain.IndicatorValue> values(long milestoneId);

    @SqlQuery("SELECT " + VALUE_COLUMNS + " FROM indicator_values WHERE id = :id")
    @RegisterConstructorMapper(se.planpuls.domain.IndicatorValue.class)
    Optional<se.planpuls.domain.IndicatorValue> value(long id);

    @SqlQuery("SELECT " + VALUE_COLUMNS + " FROM indicator_values WHERE idempotency_key = :key")
    @RegisterConstructorMapper(se.planpuls.domain.IndicatorValue.class)
    Optional<se.planpuls.domain.IndicatorValue> valueByKey(String key);

    @SqlQuery("""
            SELECT v.id, v.milestone_id, v.measured AS "value", v.comment, v.reporter_owner_id, v.reporter_name,
                   v.on_behalf_of_id, v.source, v.reported_at
            FROM indicator_values v JOIN milestones m ON m.id = v.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL ORDER BY v.id""")
    @RegisterConstructorMapper(se.planpuls.domain.IndicatorValue.class)
    List<se.planpuls.domain.IndicatorValue> valuesOfPlan(long planId);

    /** {@code frequency}: the item's, at which a value is expected. */
    record DefinitionRow(long milestoneId, String unit, BigDecimal baselineValue, LocalDate baselineDate,
                         BigDecimal targetValue, LocalDate targetDate, String direction, String frequency) {
        se.planpuls.domain.Frequency itemFrequency() {
            return frequency == null ? null : se.planpuls.domain.Frequency.parse(frequency).orElse(null);
        }

        se.planpuls.domain.Indicator indicator() {
            return new se.planpuls.domain.Indicator(unit, baselineValue, baselineDate, targetValue, targetDate,
                    se.planpuls.domain.IndicatorDirection.parse(direction).orElseThrow());
        }
    }

    /** A plan's values reported before {@code before}: what a review as of a day reads. */
    @SqlQuery("""
            SELECT v.id, v.milestone_id, v.measured AS "value", v.comment, v.reporter_owner_id, v.reporter_name,
                   v.on_behalf_of_id, v.source, v.reported_at
            FROM indicator_values v JOIN milestones m ON m.id = v.milestone_id
            WHERE m.plan_id = :planId AND v.reported_at < :before ORDER BY v.id""")
    @RegisterConstructorMapper(se.planpuls.domain.IndicatorValue.class)
    List<se.planpuls.domain.IndicatorValue> valuesOfPlanBefore(long planId, Instant before);

    /** When each indicator of a plan last had a value: what the reminders count as its last report. */
    @SqlQuery("""
            SELECT v.milestone_id, MAX(v.reported_at) AS last_at
            FROM indicator_values v JOIN milestones m ON m.id = v.milestone_id
            WHERE m.plan_id = :planId GROUP BY v.milestone_id""")
    @RegisterConstructorMapper(LastValue.class)
    List<LastValue> lastValuesOfPlan(long planId);

    record LastValue(long milestoneId, Instant lastAt) {
    }
}
