package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.db.Fixtures;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.ConversationKind;
import se.planpuls.domain.Owner;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;
import se.planpuls.domain.reminder.ReminderSendException;

/** Reminder cards through the real adapter to a local connector that answers as scripted. */
class ReminderCardSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures f;
    private HttpServer connector;
    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String retryAfter;
    private TeamsBot bot;
    private Owner anna;
    private long milestoneId;

    @BeforeEach
    void start() throws IOException {
        f = new Fixtures(TestDatabases.h2());
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        connector.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posted.add(body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            byte[] answer = (status == 200 ? "{\"id\":\"activity-1\"}" : "{\"error\":{\"code\":\"x\",\"message\":\"x\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        connector.start();
        bot = TeamsBot.create(new BotSettings("", "", ""), new BotServices(f.owners, f.milestones, f.reports,
                f.conversations, null, null, null, null, new se.planpuls.db.IndicatorService(f.database, f.clock)),
                f.clock);
        anna = f.owner("Anna Berg", "anna@example.com", null);
        milestoneId = f.assign("DIG-4", anna).milestone().id();
        String serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
        String reference = JSON.createObjectNode()
                .put("channelId", "msteams").put("serviceUrl", serviceUrl)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("conversation",
                        JSON.createObjectNode().put("id", "a:anna").put("conversationType", "personal"))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("user", JSON.createObjectNode().put("id", "29:anna"))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("bot", JSON.createObjectNode().put("id", "28:bot"))
                .toString();
        f.conversations.save("a:anna", ConversationKind.personal, "29:anna", null, anna.id(), serviceUrl, "t", reference);
    }

    @AfterEach
    void stop() {
        connector.stop(0);
        f.close();
    }

    private DueReminder deadline(int step) {
        return new DueReminder(new ReminderKey(milestoneId, ReminderKind.DEADLINE, LocalDate.parse("2026-11-30"), step),
                anna.id(), LocalDate.parse("2026-11-23"));
    }

    private ReminderSendException failure(DueReminder reminder) {
        try {
            bot.sendReminder(reminder).join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(ReminderSendException.class);
            return (ReminderSendException) e.getCause();
        }
        throw new AssertionError("the send did not fail");
    }

    @Test
    void a_deadline_reminder_reaches_the_owners_chat_as_a_card_to_report_on() {
        bot.sendReminder(deadline(5)).join();

        JsonNode activity = posted.get(0);
        assertThat(activity.path("conversation").path("id").asText()).isEqualTo("a:anna");
        JsonNode card = activity.path("attachments").get(0).path("content");
        String text = card.path("body").toString();
        assertThat(text).contains("Påminnelse från Planpuls").contains("30 nov 2026").contains("om 5 arbetsdagar");
        assertThat(text).contains("Input.ChoiceSet");
        assertThat(card.path("actions").get(0).path("data").path(CardSubmission.MILESTONE).asLong()).isEqualTo(milestoneId);
    }

    private long item(String code, se.planpuls.domain.ItemKind kind, Integer dueYear, LocalDate dueDate,
                      String reportTo, se.planpuls.domain.Frequency frequency, LocalDate startsOn) {
        return f.milestones.create(f.planId, new se.planpuls.domain.ItemInput("DIG", code, kind, "Rapport", null, null,
                dueYear, dueDate, null, reportTo, frequency, startsOn, anna.id(), false, "ny"),
                se.planpuls.domain.Actor.api("admin")).id();
    }

    private String cardBody(long id, LocalDate date, int step) {
        bot.sendReminder(new DueReminder(new ReminderKey(id, ReminderKind.DEADLINE, date, step), anna.id(), date))
                .join();
        return posted.get(posted.size() - 1).path("attachments").get(0).path("content").path("body").toString();
    }

    @Test
    void a_count_reminder_says_how_many_reports_the_year_still_needs_in_swedish_and_in_english() {
        var item = new se.planpuls.domain.PlanDocument.Item("row 1", "SODRA-4", se.planpuls.domain.ItemKind.RECURRING,
                "Rapportera till ledningsgruppen", null, null, 2027, LocalDate.parse("2027-12-31"), false, null, null,
                null, "anna@example.com", "Anna Berg", List.of(), new se.planpuls.domain.ItemShapeDoc(null, false,
                new se.planpuls.domain.TimesPerYear(4, null), List.of("ledningsgrupp"), null));
        new se.planpuls.db.PlanImportService(f.database, f.clock).importPlan(new se.planpuls.domain.PlanDocument(
                "sodra", "Verksamhetsplan", "Södra", 2026, 2027, List.of(), List.of(new se.planpuls.domain.PlanDocument
                .Group("g", "Uppföljning", List.of(new se.planpuls.domain.PlanDocument.Area("a", "UPP", "Uppföljning",
                        null, List.of(item))))), List.of()), se.planpuls.domain.Actor.SYSTEM);
        long id = f.milestone("SODRA-4").milestone().id();
        var count = new DueReminder(new ReminderKey(id, ReminderKind.COUNT, LocalDate.parse("2026-12-31"), 2),
                anna.id(), LocalDate.parse("2026-11-23"));

        bot.sendReminder(count).join();
        String swedish = posted.get(posted.size() - 1).path("attachments").get(0).path("content").path("body")
                .toString();
        f.owners.clientLocaleSeen(anna.id(), "en-US");
        bot.sendReminder(count).join();
        String english = posted.get(posted.size() - 1).path("attachments").get(0).path("content").path("body")
                .toString();

        assertThat(swedish).contains("ska rapporteras minst 4 gånger per år och har 2 rapporter hittills i år: "
                + "2 rapporter kvar i år, senast 31 dec 2026");
        assertThat(english).contains("is to be reported at least 4 times a year and has 2 reports so far this year: "
                + "2 reports still to come this year, by 31 Dec 2026");
    }

    @Test
    void an_owner_who_last_wrote_from_an_english_client_gets_the_reminder_in_english_unless_they_chose_swedish() {
        f.owners.clientLocaleSeen(anna.id(), "en-US");

        String english = cardBody(milestoneId, LocalDate.parse("2026-11-30"), 5);
        f.owners.setLocale(anna.id(), "sv");
        String swedish = cardBody(milestoneId, LocalDate.parse("2026-11-30"), 1);

        assertThat(english).contains("Reminder from Planpuls").contains("in 5 working days");
        assertThat(swedish).contains("Påminnelse från Planpuls").contains("om en arbetsdag");
    }

    @Test
    void a_milestones_card_says_when_it_is_to_be_reached() {
        assertThat(cardBody(milestoneId, LocalDate.parse("2026-11-30"), 5)).contains("Ska vara uppnådd")
                .contains("ska vara uppnådd 30 nov 2026");
    }

    @Test
    void an_assignments_card_says_whom_it_reports_back_to_and_by_when() {
        long id = item("DIG-U1", se.planpuls.domain.ItemKind.ASSIGNMENT, 2026, LocalDate.parse("2026-11-30"),
                "Regionstyrelsen", null, null);

        String body = cardBody(id, LocalDate.parse("2026-11-30"), 5);

        assertThat(body).contains("ska återrapporteras till Regionstyrelsen senast 30 nov 2026, om 5 arbetsdagar")
                .contains("Återrapporteras till").contains("Regionstyrelsen").contains("Återrapporteras senast")
                .doesNotContain("uppnådd 30 nov");
    }

    @Test
    void a_recurring_commitments_card_says_its_current_period_and_when_it_ends() {
        long id = item("DIG-R1", se.planpuls.domain.ItemKind.RECURRING, 2027, null, null,
                se.planpuls.domain.Frequency.QUARTERLY, LocalDate.parse("2026-01-01"));

        String body = cardBody(id, LocalDate.parse("2026-12-31"), 10);

        assertThat(body).contains("Perioden 1 okt 2026–31 dec 2026 för **DIG-R1 Rapport** slutar 31 dec 2026")
                .contains("Nuvarande period").contains("Pågår till och med").contains("2027")
                .doesNotContain("Ska vara uppnådd");
    }

    @Test
    void an_indicators_reminder_asks_for_its_value_in_a_card_with_a_number_field() {
        long id = f.milestones.create(f.planId, new se.planpuls.domain.ItemInput("DIG", "DIG-I1",
                se.planpuls.domain.ItemKind.INDICATOR, "Andel digitala besök", null, null, 2027, null, null, null,
                se.planpuls.domain.Frequency.QUARTERLY, LocalDate.parse("2026-01-01"), anna.id(), false, "ny"),
                new se.planpuls.domain.Indicator("%", null, null, new java.math.BigDecimal("30"), null,
                        se.planpuls.domain.IndicatorDirection.AT_LEAST), se.planpuls.domain.Actor.api("admin")).id();

        String body = cardBody(id, LocalDate.parse("2026-12-31"), 10);

        assertThat(body).contains("Påminnelse från Planpuls")
                .contains("Perioden 1 okt 2026–31 dec 2026 för indikatorn **DIG-I1 Andel digitala besök**")
                .contains("Input.Number").contains("indicatorValue." + id).contains("minst 30 %")
                .doesNotContain("Input.ChoiceSet");
    }

    @Test
    void one_working_day_left_is_said_in_words() {
        bot.sendReminder(deadline(1)).join();

        assertThat(posted.get(0).path("attachments").get(0).path("content").path("body").toString())
                .contains("om en arbetsdag");
    }

    @Test
    void a_429_comes_back_with_its_status_and_retry_after() {
        status = 429;
        retryAfter = "2";

        var failure = failure(deadline(5));

        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(failure.unreachable()).isFalse();
    }

    @Test
    void a_500_comes_back_with_its_status() {
        status = 500;

        var failure = failure(deadline(5));

        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void an_owner_with_no_stored_chat_is_unreachable_and_nothing_is_sent() {
        var bo = f.owner("Bo", "bo@example.com", null);
        var toBo = new DueReminder(deadline(5).key(), bo.id(), LocalDate.parse("2026-11-23"));

        assertThat(failure(toBo).unreachable()).isTrue();
        assertThat(posted).isEmpty();
    }

    @Test
    void an_escalation_tells_the_area_lead_that_the_report_is_missing() {
        var escalation = new DueReminder(new ReminderKey(milestoneId, ReminderKind.ESCALATION,
                LocalDate.parse("2026-11-09"), 10), anna.id(), LocalDate.parse("2026-11-23"));

        bot.sendReminder(escalation).join();

        String body = posted.get(0).path("attachments").get(0).path("content").path("body").toString();
        assertThat(body).contains("Rapport saknas").contains("9 nov 2026").contains("Anna Berg");
        assertThat(body).doesNotContain("Input.ChoiceSet");
    }

    @Test
    void retry_after_is_read_in_seconds_and_anything_else_is_ignored() {
        assertThat(ReminderCardSender.retryAfter("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ReminderCardSender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
        assertThat(ReminderCardSender.retryAfter("-3")).isNull();
        assertThat(ReminderCardSender.retryAfter(null)).isNull();
        assertThatThrownBy(() -> bot.sendReminder(new DueReminder(deadline(5).key(), null, LocalDate.now())).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
