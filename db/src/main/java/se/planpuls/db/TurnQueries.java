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

/**
 * The statements every bot turn makes (who is speaking, in which chat, what they may report on and
 * what their card shows), run on the handle's fluent API with the DAOs' own SQL. Attaching a SQL
 * object builds an invoker for each of the DAO's methods and copies the configuration for each call:
 * measured on H2, 65-80 µs for a look-up that costs 27 µs this way, several times in every turn.
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

    private TurnQueries() {
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
