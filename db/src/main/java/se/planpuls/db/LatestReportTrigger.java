package se.planpuls.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of {@code latest_reports} (migration V120): after a report is inserted (or its
 * reporter's name put out of sight), copies it into its milestone's row when it is the latest, in
 * the writer's transaction. PostgreSQL does the same in PL/pgSQL.
 *
 * <p>Two writers of one milestone may commit out of id order, so the row only moves to a higher id
 * (or is refreshed from its own report); H2 checks that condition again on the row it locked. Two
 * first reports of a milestone racing to insert: the loser finds the winner's row and merges again.
 */
public final class LatestReportTrigger implements Trigger {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String MERGE = """
            MERGE INTO latest_reports l
            USING (SELECT id, milestone_id, status, comment, reporter_owner_id, reporter_name, on_behalf_of_id, source,
                          reported_at, at_risk, expected_date
                   FROM status_reports WHERE id = ?) r
            ON l.milestone_id = r.milestone_id
            WHEN MATCHED AND l.report_id <= r.id THEN UPDATE SET
                report_id = r.id, status = r.status, comment = r.comment, reporter_owner_id = r.reporter_owner_id,
                reporter_name = r.reporter_name, on_behalf_of_id = r.on_behalf_of_id, source = r.source,
                reported_at = r.reported_at, at_risk = r.at_risk, expected_date = r.expected_date
            WHEN NOT MATCHED THEN INSERT (milestone_id, report_id, status, comment, reporter_owner_id, reporter_name,
                                          on_behalf_of_id, source, reported_at, at_risk, expected_date)
                VALUES (r.milestone_id, r.id, r.status, r.comment, r.reporter_owner_id, r.reporter_name,
                        r.on_behalf_of_id, r.source, r.reported_at, r.at_risk, r.expected_date)""";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // The id is the table's first column (V1); the rest is read back by it, so columns added
        // later need no change here.
        long id = ((Number) newRow[0]).longValue();
        try {
            merge(connection, id);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            merge(connection, id);
        }
    }

    private static void merge(Connection connection, long id) throws SQLException {
        try (var statement = connection.prepareStatement(MERGE)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }
}
