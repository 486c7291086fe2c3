package se.planpuls.db;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Many owners at once, for load runs: each with a stored personal chat on {@code serviceUrl} and one
 * milestone of the default plan's DIG area due on {@code dueDate}.
 */
public final class FanOutFixtures {
    private FanOutFixtures() {
    }

    public static void ownersWithOneMilestoneEach(Database database, long planId, int owners, LocalDate dueDate,
                                                  String serviceUrl, Instant now) {
        database.jdbi().useTransaction(handle -> {
            long area = handle.createQuery("SELECT id FROM areas WHERE plan_id = :plan AND code = 'DIG'")
                    .bind("plan", planId).mapTo(Long.class).one();
            long firstOwner = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM owners").mapTo(Long.class).one();
            PreparedBatch owner = handle.prepareBatch("""
                    INSERT INTO owners (id, name, email, teams_user_id, created_at)
                    VALUES (:id, :name, :email, :teamsUserId, :now)""");
            PreparedBatch chat = handle.prepareBatch("""
                    INSERT INTO conversation_refs (conversation_id, kind, teams_user_id, owner_id, service_url,
                                                   tenant_id, reference_json, updated_at)
                    VALUES (:conversationId, 'personal', :teamsUserId, :ownerId, :serviceUrl, 'tenant', :reference, :now)""");
            PreparedBatch milestone = handle.prepareBatch("""
                    INSERT INTO milestones (plan_id, area_id, position, code, title, description, reached_when,
                                            due_year, due_date, date_uncertain, owner_id)
                    VALUES (:plan, :area, :position, :code, :title, 'Load run', 'Load run', :year, :due, FALSE, :ownerId)""");
            for (int i = 0; i < owners; i++) {
                long id = firstOwner + i;
                String user = "29:load-" + i;
                String conversation = "a:load-" + i;
                owner.bind("id", id).bind("name", "Owner " + i).bind("email", "owner" + i + "@load.example")
                        .bind("teamsUserId", user).bind("now", now).add();
                String reference = "{\"channelId\":\"msteams\",\"serviceUrl\":\"" + serviceUrl + "\","
                        + "\"conversation\":{\"id\":\"" + conversation + "\",\"conversationType\":\"personal\"},"
                        + "\"user\":{\"id\":\"" + user + "\"},\"bot\":{\"id\":\"28:planpuls\"}}";
                chat.bind("conversationId", conversation).bind("teamsUserId", user).bind("ownerId", id)
                        .bind("serviceUrl", serviceUrl).bind("reference", reference).bind("now", now).add();
                milestone.bind("plan", planId).bind("area", area).bind("position", 1000 + i)
                        .bind("code", "LOAD-" + i).bind("title", "Load milestone " + i).bind("year", dueDate.getYear())
                        .bind("due", dueDate).bind("ownerId", id).add();
            }
            owner.execute();
            chat.execute();
            milestone.execute();
            if ("PostgreSQL".equals(database.product())) {
                handle.execute("SELECT setval(pg_get_serial_sequence('owners', 'id'), (SELECT MAX(id) FROM owners))");
            } else {
                handle.execute("ALTER TABLE owners ALTER COLUMN id RESTART WITH " + (firstOwner + owners));
            }
        });
    }
}
