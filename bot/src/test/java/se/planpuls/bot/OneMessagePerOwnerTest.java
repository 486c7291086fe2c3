package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Status;
import se.planpuls.domain.reminder.DueReminder;
import se.planpuls.domain.reminder.ReminderKey;
import se.planpuls.domain.reminder.ReminderKind;

/**
 * An owner of several milestones hears from Planpuls once a day: the reminders due to them arrive as
 * one card with a row per milestone, one submit reports the rows given a status, and the card is
 * updated in place; {@code mina milstolpar} answers with one card too.
 */
class OneMessagePerOwnerTest extends BotTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    private long med1;
    private long dig4;

    @BeforeEach
    void annaHasWrittenToTheBot() {
        post(teams.message(ANNA, "hjälp"));
        med1 = id("MED-1");
        dig4 = id("DIG-4");
        connector.clear();
    }

    private JsonNode remindersCard() {
        bot.send(List.of(
                new DueReminder(new ReminderKey(med1, ReminderKind.OVERDUE, LocalDate.parse("2022-12-30"), 0),
                        anna.id(), MONDAY),
                new DueReminder(new ReminderKey(dig4, ReminderKind.CHECK_IN, LocalDate.parse("2026-11-01"), 0),
                        anna.id(), MONDAY)), () -> { }).join();
        JsonNode card = lastCard();
        connector.clear();
        return card;
    }

    /** What Teams sends back: the submit's data and the inputs the owner filled in. */
    private static Map<String, Object> answer(JsonNode card, Map<String, Object> inputs) {
        Map<String, Object> value = new HashMap<>(JSON.convertValue(card.path("actions").get(0).path("data"),
                Map.class));
        value.putAll(inputs);
        return value;
    }

    @Test
    void two_reminders_due_to_one_owner_arrive_as_one_card_with_a_status_choice_per_milestone() {
        bot.send(List.of(
                new DueReminder(new ReminderKey(med1, ReminderKind.OVERDUE, LocalDate.parse("2022-12-30"), 0),
                        anna.id(), MONDAY),
                new DueReminder(new ReminderKey(dig4, ReminderKind.CHECK_IN, LocalDate.parse("2026-11-01"), 0),
                        anna.id(), MONDAY)), () -> { }).join();

        assertThat(connector.sent()).hasSize(1);
        JsonNode card = lastCard();
        String body = card.path("body").toString();
        assertThat(body).contains("Påminnelse från Planpuls").contains("2 milstolpar behöver din rapport i dag")
                .contains("MED-1").contains("skulle ha varit uppnådd 30 dec 2022")
                .contains("Avstämning: hur går det med **DIG-4");
        assertThat(body).contains("\"id\":\"status." + med1 + "\"").contains("\"id\":\"status." + dig4 + "\"")
                .contains("\"style\":\"compact\"").contains("Action.ToggleVisibility")
                .contains("\"id\":\"comment." + med1 + "\"").contains("\"isVisible\":false");
        JsonNode data = card.path("actions").get(0).path("data");
        assertThat(data.path("planpuls").asText()).isEqualTo("reports");
        assertThat(data.path("rows")).extracting(r -> r.path("milestoneId").asLong() + " " + r.path("kind").asText())
                .containsExactly(med1 + " OVERDUE", dig4 + " CHECK_IN");
    }

    @Test
    void one_submit_stores_each_row_given_a_status_and_updates_the_card_in_place_without_a_new_message() {
        JsonNode card = remindersCard();

        post(teams.submit(ANNA, "card-7", answer(card, Map.of(
                "status." + med1, "IN_PROGRESS", "comment." + med1, "Akademin startar i januari",
                "status." + dig4, ""))));

        assertThat(f.milestones.view(med1).currentStatus()).contains(Status.IN_PROGRESS);
        assertThat(f.milestones.view(med1).latest().comment()).isEqualTo("Akademin startar i januari");
        assertThat(f.milestones.view(dig4).latest()).as("a row without a status is left alone").isNull();
        assertThat(connector.sent()).as("nothing but the update").isEmpty();
        assertThat(connector.updates()).singleElement().satisfies(update -> {
            assertThat(update.path()).endsWith("/activities/card-7");
            String redrawn = update.body().path("attachments").get(0).path("content").toString();
            assertThat(redrawn).contains("1 av 2 rapporterade").contains("✔ Rapporterad: 🟡 Pågår")
                    .contains("Akademin startar i januari")
                    .doesNotContain("\"id\":\"status." + med1 + "\"").contains("\"id\":\"status." + dig4 + "\"");
        });
    }

    @Test
    void the_second_row_is_reported_from_the_updated_card_and_the_first_is_not_stored_twice() {
        JsonNode card = remindersCard();
        post(teams.submit(ANNA, "card-7", answer(card, Map.of("status." + med1, "IN_PROGRESS"))));
        JsonNode updated = connector.updates().get(0).body().path("attachments").get(0).path("content");
        connector.clear();

        post(teams.submit(ANNA, "card-7", answer(updated, Map.of("status." + dig4, "NOT_STARTED"))));

        assertThat(f.reports.history(med1)).hasSize(1);
        assertThat(f.milestones.view(dig4).currentStatus()).contains(Status.NOT_STARTED);
        String redrawn = connector.updates().get(0).body().toString();
        assertThat(redrawn).contains("2 av 2 rapporterade").doesNotContain("Action.Submit");
    }

    @Test
    void a_row_reported_reached_without_evidence_is_asked_on_the_card_and_sent_again_it_is_stored() {
        JsonNode card = remindersCard();

        post(teams.submit(ANNA, "card-7", answer(card, Map.of("status." + med1, "REACHED"))));
        JsonNode asked = connector.updates().get(0).body().path("attachments").get(0).path("content");
        connector.clear();
        post(teams.submit(ANNA, "card-7", answer(asked, Map.of("status." + med1, "REACHED"))));

        assertThat(asked.toString()).contains("Vad visar att MED-1").contains("\"isVisible\":true");
        assertThat(f.milestones.view(med1).currentStatus()).contains(Status.REACHED);
        assertThat(f.reports.history(med1)).hasSize(1);
    }

    @Test
    void a_refused_row_says_why_on_the_card_while_the_other_row_is_stored() {
        JsonNode card = remindersCard();

        post(teams.submit(ANNA, "card-7", answer(card, Map.of(
                "status." + med1, "IN_PROGRESS", "atRisk." + med1, "true", "expectedDate." + med1, "2020-01-01",
                "status." + dig4, "IN_PROGRESS"))));

        assertThat(f.reports.history(med1)).isEmpty();
        assertThat(f.milestones.view(dig4).currentStatus()).contains(Status.IN_PROGRESS);
        assertThat(connector.updates()).singleElement().satisfies(update -> assertThat(update.body().toString())
                .contains("1 jan 2020").contains("\"id\":\"status." + med1 + "\"").contains("1 av 2 rapporterade")
                .contains("En rad sparades inte: rätta den markerade raden och skicka igen."));
    }

    @Test
    void a_submit_without_any_status_stores_nothing_and_says_so() {
        JsonNode card = remindersCard();

        post(teams.submit(ANNA, "card-7", answer(card, Map.of())));

        assertThat(f.reports.history(med1)).isEmpty();
        assertThat(connector.updates()).isEmpty();
        assertThat(lastText()).contains("Välj status för minst en milstolpe");
    }

    @Test
    void my_milestones_answers_with_one_card_whose_rows_report_on_each_open_milestone() {
        post(teams.message(ANNA, "mina milstolpar"));

        assertThat(connector.sent()).hasSize(1);
        JsonNode card = lastCard();
        assertThat(card.path("body").toString()).contains("Dina milstolpar").contains("MED-1").contains("DIG-4")
                .contains("\"id\":\"status." + med1 + "\"").contains("\"id\":\"status." + dig4 + "\"");
        connector.clear();

        post(teams.submit(ANNA, "card-9", answer(card, Map.of("status." + dig4, "IN_PROGRESS"))));

        assertThat(f.milestones.view(dig4).currentStatus()).contains(Status.IN_PROGRESS);
        assertThat(connector.updates()).singleElement().satisfies(update -> assertThat(update.body().toString())
                .contains("Planpuls").contains("1 av 2 rapporterade").doesNotContain("sparades inte"));
        assertThat(connector.sent()).isEmpty();
    }

    @Test
    void an_owner_reminded_in_english_gets_the_card_of_several_milestones_in_english() {
        f.owners.clientLocaleSeen(anna.id(), "en-US");

        String body = remindersCard().path("body").toString();

        assertThat(body).contains("Reminder from Planpuls").contains("2 milestones need your report today")
                .contains("Choose a status");
    }

    @Test
    void an_escalation_to_a_lead_who_also_owns_a_milestone_is_a_notice_row_in_the_same_card() {
        bot.send(List.of(
                new DueReminder(new ReminderKey(id("NIV-3"), ReminderKind.ESCALATION, LocalDate.parse("2026-11-09"), 10),
                        anna.id(), MONDAY),
                new DueReminder(new ReminderKey(dig4, ReminderKind.CHECK_IN, LocalDate.parse("2026-11-01"), 0),
                        anna.id(), MONDAY)), () -> { }).join();

        assertThat(connector.sent()).hasSize(1);
        JsonNode card = lastCard();
        assertThat(card.path("body").toString()).contains("En milstolpe behöver din rapport i dag")
                .contains("NIV-3").contains("har inte rapporterats sedan påminnelsen")
                .doesNotContain("\"status." + id("NIV-3") + "\"").contains("\"status." + dig4 + "\"");
    }

    @Test
    void the_card_of_an_owner_of_every_milestone_of_the_plan_stays_under_the_size_teams_accepts() {
        List<DueReminder> due = new java.util.ArrayList<>();
        for (var view : f.milestones.search(new se.planpuls.domain.MilestoneFilter(null, null, null, null))) {
            f.assign(view.milestone().code(), anna);
            due.add(new DueReminder(new ReminderKey(view.milestone().id(), ReminderKind.REVIEW,
                    LocalDate.parse("2027-01-29"), 5), anna.id(), MONDAY));
        }

        bot.send(due, () -> { }).join();

        JsonNode card = lastCard();
        assertThat(due).hasSizeGreaterThan(30);
        assertThat(connector.sent()).hasSize(1);
        // Teams refuses a message over about 28 KB.
        assertThat(connector.sent().get(0).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(28_000);
        assertThat(card.path("body").toString().split("Input.ChoiceSet\",\"id\":\"status\\.", -1).length - 1)
                .as("rows with a form").isBetween(5, PromptsCard.MAX_FORMS);
        assertThat(card.path("body").toString()).contains("milstolpar till behöver din rapport").contains("**visa ");
        assertThat(PromptsCard.size((com.fasterxml.jackson.databind.node.ObjectNode) card)).as("bytes counted")
                .isEqualTo(card.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(PromptsCard.sizeAtMost(card)).as("the bound").isGreaterThanOrEqualTo(PromptsCard.size(
                (com.fasterxml.jackson.databind.node.ObjectNode) card));
    }

    @Test
    void the_bound_on_a_cards_size_is_never_under_what_is_written_whatever_the_characters() {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("plain", "Status för MED-1");
        node.put("quotes \"and\" \\", "tab\there, NUL \u0000, bell \u0007");
        node.put("symbols", "✓ ● ✗ ○ 🟢 🔴 ↳ – é");
        node.put("number", 78.5).put("flag", true).putNull("none");
        node.putArray("rows").add("å").add(1).addObject().put("x", "y");
        int written = PromptsCard.size(node);

        assertThat(written).isEqualTo(node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        // Over only by what it cannot know without writing: short escapes, surrogate pairs, the last comma.
        assertThat(PromptsCard.sizeAtMost(node)).isBetween(written, written * 11 / 10);
    }

    /** A report made on {@code day} at 09:00, as the service then saw it. */
    private void reportedOn(String day, long milestoneId, Status status, boolean atRisk, LocalDate expected) {
        var then = java.time.Clock.fixed(LocalDate.parse(day).atTime(9, 0)
                .atZone(se.planpuls.domain.calendar.WorkingCalendar.ZONE).toInstant(),
                se.planpuls.domain.calendar.WorkingCalendar.ZONE);
        new se.planpuls.db.ReportService(f.database, then).report(new se.planpuls.domain.NewReport(milestoneId, status,
                "Läget", new se.planpuls.domain.Reporter(anna.id(), "Anna Berg"), "teams", null, atRisk, expected,
                List.of()));
    }

    @Test
    void the_next_prompt_asks_for_a_new_date_when_the_expected_one_has_passed_and_opens_that_rows_form() {
        reportedOn("2026-06-01", med1, Status.IN_PROGRESS, true, LocalDate.parse("2026-09-30"));

        JsonNode card = remindersCard();

        String body = card.path("body").toString();
        assertThat(body).contains("⚠ Det beräknade klardatumet 30 sep 2026 har passerat. Ange ett nytt beräknat klardatum")
                .contains("⚠ Den senaste rapporten är från 1 jun 2026 och räknas som inaktuell")
                .contains("\"id\":\"more." + med1 + "\",\"isVisible\":true")
                .contains("\"id\":\"more." + dig4 + "\",\"isVisible\":false");
        assertThat(body.split("⚠", -1)).as("DIG-4 has no report to point at").hasSize(3);
    }

    @Test
    void a_single_reminder_points_out_not_started_near_the_due_date_under_its_header() {
        reportedOn("2026-11-20", dig4, Status.NOT_STARTED, false, null);
        f.moveDue(dig4, LocalDate.parse("2027-01-29"));

        bot.send(List.of(new DueReminder(new ReminderKey(dig4, ReminderKind.DEADLINE, LocalDate.parse("2027-01-29"), 20),
                anna.id(), MONDAY)), () -> { }).join();

        JsonNode body = lastCard().path("body");
        assertThat(body.get(1).path("text").asText()).contains("DIG-4");
        assertThat(body.get(2).path("text").asText()).isEqualTo("⚠ Milstolpen är rapporterad som ej påbörjad men ska"
                + " vara uppnådd 29 jan 2027. Stämmer det fortfarande? Rapportera läget och skriv gärna vad som behövs"
                + " för att komma i gång.");
        assertThat(body.get(2).path("color").asText()).isEqualTo("Warning");
    }

    @Test
    void the_check_in_and_my_milestones_point_out_a_stale_report_too() {
        reportedOn("2026-08-03", med1, Status.IN_PROGRESS, false, null);

        bot.sendWeeklyCheckIns().join();
        String checkIn = lastCard().toString();
        connector.clear();
        post(teams.message(ANNA, "mina milstolpar"));

        assertThat(checkIn).contains("Den senaste rapporten är från 3 aug 2026 och räknas som inaktuell");
        assertThat(lastCard().toString()).contains("Den senaste rapporten är från 3 aug 2026 och räknas som inaktuell");
    }
}
