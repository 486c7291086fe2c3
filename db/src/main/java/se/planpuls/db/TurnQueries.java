package se.planpuls.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;
import se.planpuls.domain.Status;
import se.planpuls.domain.StatusReport;

/**
 * The statements every bot turn makes (who is speaking, in which chat, what they may report on and
 * what their card shows), run on the handle's fluent API with the DAOs' own SQL. Attaching a SQL
 * object builds an invoker for each of the DAO's methods and copies the configuration for each call:
 * measured on H2, 65-80 µs for a look-up that costs 27 µs this way, several times in every turn.
 * A card submit writes through here too: its receipt is built from what it wrote, not read back.
 */
final class TurnQueries {
    // Written out rather than Jdbi's constructor mapper, which matches columns to parameters by reflection
    // for every result set: a fifth of a turn's look-up in the profile.
    private static final RowMapper<Owner> OWNER = (rs, ctx) -> new Owner(rs.getLong("id"), rs.getString("name"),
            rs.getString("email"), rs.getString("aad_object_id"), rs.getString("teams_user_id"), rs.getBoolean("admin"),
            instant(rs, "created_at"), rs.getString("locale"), nullableLong(rs, "substitute_id"),
            rs.getObject("leave_until", LocalDate.class), rs.getObject("snooze_until", LocalDate.class));
    private static final RowMapper<ConversationRef> CONVERSATION = (rs, ctx) -> new ConversationRef(
            rs.getString("conversation_id"), ConversationKind.valueOf(rs.getString("kind")), rs.getString("teams_user_id"),
            rs.getString("aad_object_id"), nullableLong(rs, "owner_id"), rs.getString("service_url"),
            rs.getString("tenant_id"), rs.getString("reference_json"), instant(rs, "updated_at"));
    private static final RowMapper<MilestoneView> VIEW = new MilestoneViewMapper();
    private static final RowMapper<MilestoneDao.EffectRow> EFFECT_ROW = (rs, ctx) -> new MilestoneDao.EffectRow(
            rs.getLong("id"), rs.getLong("milestone_id"), rs.getInt("position"), rs.getString("text"),
            rs.getString("audience"));

    private static final RowMapper<StatusReport> REPORT = (rs, ctx) -> new StatusReport(rs.getLong("id"),
            rs.getLong("milestone_id"), Status.valueOf(rs.getString("status")), rs.getString("comment"),
            nullableLong(rs, "reporter_owner_id"), rs.getString("reporter_name"), nullableLong(rs, "on_behalf_of_id"),
            rs.getString("source"), instant(rs, "reported_at"), rs.getBoolean("at_risk"),
            rs.getObject("expected_date", LocalDate.class));

    private TurnQueries() {
    }

    static Optional<MilestoneView> view(Handle handle, long milestoneId) {
        return handle.createQuery(MilestoneDao.VIEW_BY_ID).bind("id", milestoneId).map(VIEW).findOne();
    }

    static Optional<Owner> ownerById(Handle handle, long ownerId) {
        return handle.createQuery(OwnerDao.BY_ID).bind("id", ownerId).map(OWNER).findOne();
    }

    static Optional<StatusReport> reportByIdempotencyKey(Handle handle, String key) {
        return handle.createQuery(ReportDao.BY_IDEMPOTENCY_KEY).bind("key", key).map(REPORT).findOne();
    }

    /** Stores a report as given (its id is ignored) and returns it with the id the database gave it. */
    static StatusReport insertReport(Handle handle, StatusReport report, String idempotencyKey, Long forGroupId) {
        long id = handle.createUpdate(ReportDao.INSERT).bind("milestoneId", report.milestoneId())
                .bind("status", report.status().name()).bind("comment", report.comment())
                .bind("reporterOwnerId", report.reporterOwnerId()).bind("reporterName", report.reporterName())
                .bind("onBehalfOfId", report.onBehalfOfId()).bind("source", report.source())
                .bind("idempotencyKey", idempotencyKey).bind("reportedAt", report.reportedAt())
                .bind("atRisk", report.atRisk()).bind("expectedDate", report.expectedDate())
                .bind("forGroupId", forGroupId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new StatusReport(id, report.milestoneId(), report.status(), report.comment(), report.reporterOwnerId(),
                report.reporterName(), report.onBehalfOfId(), report.source(), report.reportedAt(), report.atRisk(),
                report.expectedDate());
    }

    static void insertEffectsSeen(Handle handle, long reportId, java.util.Collection<Long> effectIds) {
        if (effectIds.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch(ReportDao.INSERT_EFFECT_SEEN);
        effectIds.forEach(effect -> batch.bind("reportId", reportId).bind("effectId", effect).add());
        batch.execute();
    }

    static List<Long> effectsSeen(Handle handle, long reportId) {
        return handle.createQuery(ReportDao.EFFECTS_SEEN).bind("reportId", reportId).mapTo(Long.class).list();
    }

    static boolean isMember(Handle handle, long groupId, long ownerId) {
        return handle.createQuery(GroupReportDao.IS_MEMBER).bind("groupId", groupId).bind("ownerId", ownerId)
                .mapTo(Integer.class).one() > 0;
    }

    static Optional<String> groupName(Handle handle, long groupId) {
        return handle.createQuery(GroupReportDao.GROUP_NAME).bind("groupId", groupId).mapTo(String.class).findOne();
    }

    static Optional<String> groupOfReport(Handle handle, long reportId) {
        return handle.createQuery(GroupReportDao.GROUP_OF).bind("reportId", reportId).mapTo(String.class).findOne();
    }

    static void forgetPendingAnswer(Handle handle, long ownerId, String conversationId, long milestoneId) {
        handle.createUpdate(PendingAnswerService.Dao.DELETE_FOR).bind("ownerId", ownerId)
                .bind("conversationId", conversationId).bind("milestoneId", milestoneId).execute();
    }

    static Optional<Owner> ownerByAadObjectId(Handle handle, String aadObjectId) {
        return handle.createQuery(OwnerDao.BY_AAD_OBJECT_ID).bind("aadObjectId", aadObjectId).map(OWNER).findOne();
    }

    static Optional<Owner> ownerByTeamsUserId(Handle handle, String teamsUserId) {
        return handle.createQuery(OwnerDao.BY_TEAMS_USER_ID).bind("teamsUserId", teamsUserId).map(OWNER).findOne();
    }

    static List<Owner> principalsOf(Handle handle, long substituteId) {
        return handle.createQuery(OwnerDao.PRINCIPALS_OF).bind("substituteId", substituteId).map(OWNER).list();
    }

    static void setClientLocale(Handle handle, long ownerId, String locale) {
        handle.createUpdate(OwnerDao.SET_CLIENT_LOCALE).bind("id", ownerId).bind("locale", locale).execute();
    }

    static Optional<ConversationRef> conversation(Handle handle, String conversationId) {
        return handle.createQuery(ConversationDao.BY_ID).bind("conversationId", conversationId).map(CONVERSATION)
                .findOne();
    }

    static List<MilestoneView> viewsOfOwner(Handle handle, long ownerId) {
        return handle.createQuery(MilestoneDao.VIEWS_OF_OWNER).bind("ownerId", ownerId).map(VIEW).list();
    }

    static List<MilestoneView> viewsOfMember(Handle handle, long ownerId) {
        return handle.createQuery(MilestoneDao.VIEWS_OF_MEMBER).bind("ownerId", ownerId).map(VIEW).list();
    }

    static List<MilestoneView> childrenOf(Handle handle, List<Long> parentIds) {
        return handle.createQuery(MilestoneDao.CHILDREN_OF).bindList("parentIds", parentIds).map(VIEW).list();
    }

    static List<MilestoneDao.EffectRow> effectRowsOf(Handle handle, List<Long> milestoneIds) {
        return handle.createQuery(MilestoneDao.EFFECT_ROWS_OF).bindList("milestoneIds", milestoneIds).map(EFFECT_ROW)
                .list();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** Each given item's indicator definition, by item id; an item that is no indicator is left out. */
    static java.util.Map<Long, se.planpuls.domain.Indicator> indicatorsOf(Handle handle, List<Long> milestoneIds) {
        var definitions = new java.util.LinkedHashMap<Long, se.planpuls.domain.Indicator>();
        handle.createQuery(IndicatorDao.DEFINITIONS_OF).bindList("milestoneIds", milestoneIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("milestone_id"), new se.planpuls.domain.Indicator(
                        rs.getString("unit"), rs.getBigDecimal("baseline_value"),
                        rs.getObject("baseline_date", LocalDate.class), rs.getBigDecimal("target_value"),
                        rs.getObject("target_date", LocalDate.class),
                        se.planpuls.domain.IndicatorDirection.parse(rs.getString("direction")).orElseThrow())))
                .forEach(e -> definitions.put(e.getKey(), e.getValue()));
        return definitions;
    }

    static Optional<String> policyJson(Handle handle, long planId) {
        return handle.createQuery(ReminderDao.POLICY_JSON).bind("planId", planId).mapTo(String.class).findOne();
    }
}
