package se.planpuls.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.ItemShape;
import se.planpuls.domain.TimesPerYear;

/** The shape columns of an item ({@link ItemShape}): read with the item's row, written on their own. */
interface ItemShapeDao {

    @SqlUpdate("""
            UPDATE milestones SET ongoing = :ongoing, times_min = :timesMin, times_max = :timesMax,
                   report_bodies = :reportBodies, owner_group_id = :ownerGroupId
            WHERE id = :id""")
    int setShape(long id, boolean ongoing, Integer timesMin, Integer timesMax, String reportBodies, Long ownerGroupId);

    @SqlUpdate("UPDATE milestones SET parent_id = :parentId WHERE id = :id")
    int setParent(long id, Long parentId);

    @SqlUpdate("UPDATE milestones SET report_to = :reportTo WHERE id = :id")
    int setReportTo(long id, String reportTo);

    @SqlQuery("SELECT COUNT(*) FROM milestones WHERE parent_id = :id AND deleted_at IS NULL")
    int childCount(long id);

    /**
     * When each report since {@code since} was made, for the plan's count-based items only: they are
     * judged by how many reports their year has, where every other shape needs its latest only.
     */
    @SqlQuery("""
            SELECT r.milestone_id, r.reported_at FROM status_reports r JOIN milestones m ON m.id = r.milestone_id
            WHERE m.plan_id = :planId AND m.times_min IS NOT NULL AND m.deleted_at IS NULL
              AND r.reported_at >= :since
            ORDER BY r.milestone_id, r.reported_at""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(CountedReport.class)
    List<CountedReport> countedReportsOfPlan(long planId, java.time.Instant since);

    record CountedReport(long milestoneId, java.time.Instant reportedAt) {
    }

    /**
     * {@link #countedReportsOfPlan} by item, from the first of January of the year before
     * {@code today}'s: the rule counts the year it judges, which is last year's for an item that
     * ended then.
     */
    static java.util.Map<Long, List<java.time.Instant>> countedThisYear(ItemShapeDao dao, long planId,
                                                                       java.time.LocalDate today) {
        var since = today.minusYears(1).withDayOfYear(1).atStartOfDay(se.planpuls.domain.calendar.WorkingCalendar.ZONE).toInstant();
        return dao.countedReportsOfPlan(planId, since).stream().collect(java.util.stream.Collectors.groupingBy(
                CountedReport::milestoneId, java.util.stream.Collectors.mapping(CountedReport::reportedAt,
                        java.util.stream.Collectors.toList())));
    }

    /** Writes every shape column of {@code id} but the parent, which needs every item's id first. */
    static void write(ItemShapeDao dao, long id, ItemShape shape) {
        TimesPerYear times = shape.timesPerYear();
        dao.setShape(id, shape.ongoing(), times == null ? null : times.min(), times == null ? null : times.max(),
                bodies(shape.reportTo()), shape.ownerGroupId());
    }

    /** Bodies one a line; null for none or one, which report_to holds alone. */
    static String bodies(List<String> bodies) {
        return bodies.size() <= 1 ? null : String.join("\n", bodies);
    }

    /** The shape columns of a row of {@link MilestoneDao#VIEW}. */
    static ItemShape shape(ResultSet rs) throws SQLException {
        Long parent = MilestoneViewMapper.nullableLong(rs, "parent_id");
        Integer min = (Integer) rs.getObject("times_min", Integer.class);
        Integer max = (Integer) rs.getObject("times_max", Integer.class);
        String bodies = rs.getString("report_bodies");
        String reportTo = rs.getString("report_to");
        List<String> all = bodies != null ? Arrays.asList(bodies.split("\n"))
                : reportTo == null ? List.of() : List.of(reportTo);
        return new ItemShape(parent, rs.getBoolean("ongoing"), min == null ? null : new TimesPerYear(min, max), all,
                MilestoneViewMapper.nullableLong(rs, "owner_group_id"));
    }
}
