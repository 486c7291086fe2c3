package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;

/** The append-only status history: there is deliberately no update or delete here. */
@RegisterConstructorMapper(StatusReport.class)
interface ReportDao {
    String COLUMNS = """
            id, milestone_id, status, comment, reporter_owner_id, reporter_name, on_behalf_of_id, source, reported_at,
            at_risk, expected_date""";

    /** One report, a person's own ({@code :forGroupId} null) or a member's for the group that owns the item. */
    String INSERT = """
            INSERT INTO status_reports (milestone_id, status, comment, reporter_owner_id, reporter_name,
                                        on_behalf_of_id, source, idempotency_key, reported_at, at_risk, expected_date,
                                        for_group_id)
            VALUES (:milestoneId, :status, :comment, :reporterOwnerId, :reporterName,
                    :onBehalfOfId, :source, :idempotencyKey, :reportedAt, :atRisk, :expectedDate, :forGroupId)""";

    String INSERT_EFFECT_SEEN = "INSERT INTO report_effects (report_id, effect_id) VALUES (:reportId, :effectId)";

    String BY_IDEMPOTENCY_KEY = "SELECT " + COLUMNS + " FROM status_reports WHERE idempotency_key = :key";

    String EFFECTS_SEEN = "SELECT effect_id FROM report_effects WHERE report_id = :reportId ORDER BY effect_id";

    @SqlQuery(EFFECTS_SEEN)
    List<Long> effectsSeen(long reportId);

    /** The effects the given reports ticked as seen, in each milestone's effect order. */
    @SqlQuery("""
            SELECT re.report_id, e.id AS effect_id, e.text FROM report_effects re
            JOIN milestone_effects e ON e.id = re.effect_id
            WHERE re.report_id IN (<reportIds>)
            ORDER BY re.report_id, e.position, e.id""")
    @RegisterConstructorMapper(SeenRow.class)
    List<SeenRow> effectsSeenOf(@org.jdbi.v3.sqlobject.customizer.BindList("reportIds") List<Long> reportIds);

    record SeenRow(long reportId, long effectId, String text) {
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM status_reports WHERE milestone_id = :milestoneId ORDER BY id")
    List<StatusReport> history(long milestoneId);

    @SqlQuery("SELECT " + COLUMNS + " FROM status_reports WHERE id = :id")
    Optional<StatusReport> byId(long id);
}
