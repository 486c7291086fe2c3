package se.planpuls.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import se.planpuls.domain.Frequency;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.Milestone;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;

/** Maps {@link MilestoneDao#VIEW} rows: the milestone, its area and owner names, and its latest report. */
final class MilestoneViewMapper implements RowMapper<MilestoneView> {

    @Override
    public MilestoneView map(ResultSet rs, StatementContext ctx) throws SQLException {
        var milestone = milestone(rs);
        StatusReport latest = null;
        long reportId = rs.getLong("r_id");
        if (!rs.wasNull()) {
            latest = new StatusReport(reportId, milestone.id(), Status.valueOf(rs.getString("r_status")),
                    rs.getString("r_comment"), nullableLong(rs, "r_reporter_owner_id"), rs.getString("r_reporter_name"),
                    nullableLong(rs, "r_on_behalf_of_id"), rs.getString("r_source"),
                    rs.getTimestamp("r_reported_at").toInstant(), rs.getBoolean("r_at_risk"),
                    rs.getObject("r_expected_date", LocalDate.class));
        }
        return new MilestoneView(milestone, rs.getString("area_code"), rs.getString("area_name"),
                rs.getString("owner_name"), latest);
    }

    static Milestone milestone(ResultSet rs) throws SQLException {
        var dueDate = rs.getObject("due_date", LocalDate.class);
        long ownerId = rs.getLong("owner_id");
        Long owner = rs.wasNull() ? null : ownerId;
        String frequency = rs.getString("frequency");
        return new Milestone(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("area_id"),
                rs.getInt("position"), rs.getString("code"), rs.getString("title"), rs.getString("description"),
                rs.getString("reached_when"), rs.getInt("due_year"), dueDate, rs.getBoolean("date_uncertain"), owner,
                ItemKind.parse(rs.getString("kind")).orElse(ItemKind.MILESTONE), rs.getString("report_to"),
                frequency == null ? null : Frequency.parse(frequency).orElse(null),
                rs.getObject("starts_on", LocalDate.class), rs.getInt("version"), ItemShapeDao.shape(rs));
    }

    /** Maps the same columns to the bare {@link Milestone}. */
    static final class MilestoneOnly implements RowMapper<Milestone> {
        @Override
        public Milestone map(ResultSet rs, StatementContext ctx) throws SQLException {
            return milestone(rs);
        }
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
