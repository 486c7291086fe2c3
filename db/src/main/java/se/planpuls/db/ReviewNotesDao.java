package se.planpuls.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The region's words in an annual review (summary, per-area assessments) and what a snapshot keeps of the areas. */
interface ReviewNotesDao {

    @SqlQuery("SELECT summary, version FROM annual_review_notes WHERE plan_id = :planId AND review_year = :year")
    @RegisterConstructorMapper(Head.class)
    Optional<Head> head(long planId, int year);

    record Head(String summary, int version) {
    }

    @SqlQuery("""
            SELECT area_code, note FROM annual_review_area_notes
            WHERE plan_id = :planId AND review_year = :year ORDER BY area_code""")
    @RegisterConstructorMapper(AreaNote.class)
    List<AreaNote> areaNotes(long planId, int year);

    record AreaNote(String areaCode, String note) {
    }

    @SqlUpdate("""
            INSERT INTO annual_review_notes (plan_id, review_year, summary, version, updated_at)
            VALUES (:planId, :year, :summary, 1, :at)""")
    void insertHead(long planId, int year, String summary, Instant at);

    /** Bumps the version only from {@code version}, so of two writers who read the same one only the first wins. */
    @SqlUpdate("""
            UPDATE annual_review_notes SET summary = :summary, version = version + 1, updated_at = :at
            WHERE plan_id = :planId AND review_year = :year AND version = :version""")
    int updateHead(long planId, int year, String summary, int version, Instant at);

    @SqlUpdate("DELETE FROM annual_review_area_notes WHERE plan_id = :planId AND review_year = :year")
    void deleteAreaNotes(long planId, int year);

    @SqlUpdate("""
            INSERT INTO annual_review_area_notes (plan_id, review_year, area_code, note)
            VALUES (:planId, :year, :areaCode, :note)""")
    void insertAreaNote(long planId, int year, String areaCode, String note);

    // --- what a snapshot keeps

    @SqlUpdate("UPDATE annual_reviews SET summary = :summary WHERE id = :reviewId")
    void keepSummary(long reviewId, String summary);

    @SqlQuery("SELECT summary FROM annual_reviews WHERE id = :reviewId")
    Optional<String> keptSummary(long reviewId);

    @SqlUpdate("""
            INSERT INTO annual_review_areas (review_id, position, group_name, area_code, area_name, goal_image, note)
            VALUES (:reviewId, :position, :groupName, :areaCode, :areaName, :goalImage, :note)""")
    void keepArea(long reviewId, int position, String groupName, String areaCode, String areaName, String goalImage,
                  String note);

    @SqlQuery("""
            SELECT group_name, area_code, area_name, goal_image, note FROM annual_review_areas
            WHERE review_id = :reviewId ORDER BY position""")
    @RegisterConstructorMapper(KeptArea.class)
    List<KeptArea> keptAreas(long reviewId);

    record KeptArea(String groupName, String areaCode, String areaName, String goalImage, String note) {
    }

    /** Every short-term effect the plan expects of its milestones, in effect order. */
    @SqlQuery("""
            SELECT e.milestone_id, e.position, e.text FROM milestone_effects e
            JOIN milestones m ON m.id = e.milestone_id
            WHERE m.plan_id = :planId AND m.deleted_at IS NULL
            ORDER BY e.milestone_id, e.position""")
    @RegisterConstructorMapper(LeadershipDao.EffectSeen.class)
    List<LeadershipDao.EffectSeen> effectsExpected(long planId);
}
