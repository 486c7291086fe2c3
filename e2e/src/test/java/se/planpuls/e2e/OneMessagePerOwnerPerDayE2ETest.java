package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An owner of three milestones hears from Planpuls once a day, as a Teams user meets it: Monday's
 * three overdue reminders come as one card, Tuesday's three review prompts as one card, a submit
 * of two rows updates that card in place, and {@code mina milstolpar} is one message; the sent-log
 * still holds each reminder on its own.
 */
class OneMessagePerOwnerPerDayE2ETest extends PlanpulsE2E {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T07:30:00Z"));

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void an_owner_of_three_milestones_gets_one_message_a_day_and_one_answer_updates_it() throws Exception {
        long alex = createOwner("Alex Wilber", "alexw@example.com");
        long med1 = milestoneId("MED-1");
        long med2 = milestoneId("MED-2");
        long nv7 = milestoneId("NV-7");
        for (long id : List.of(med1, med2, nv7)) {
            assign(id, alex);
        }
        api("PUT", "/api/v1/plans/1/reminder-policy", "{\"reviewDate\":\"12-08\"}");
        String chat = playground.personalChatId();
        // Alex chooses Swedish, so the playground's own English client does not switch the card's language.
        playground.sendAsUser(chat, "user-id-0", "språk svenska");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("svenska"), WAIT);

        int monday = playground.activities().size();
        JsonNode first = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(first.path("summary").asText()).isEqualTo("3 due: 3 sent, 0 noted, 0 failed, 0 skipped");
        var overdue = awaitCard(monday, "NV-7");
        assertThat(overdue.adaptiveCard().toString()).contains("MED-1").contains("MED-2")
                .contains("skulle ha varit uppnådd").contains("\"status." + med1 + "\"");
        assertThat(messagesFromTheBot(monday, chat)).as("Monday").hasSize(1);

        clock.moveTo(Instant.parse("2026-12-08T07:30:00Z"));
        int tuesday = playground.activities().size();
        JsonNode second = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(second.path("summary").asText()).isEqualTo("3 due: 3 sent, 0 noted, 0 failed, 0 skipped");
        var review = awaitCard(tuesday, "Årlig uppföljning");
        assertThat(review.adaptiveCard().toString()).contains("MED-1").contains("MED-2").contains("NV-7");
        assertThat(messagesFromTheBot(tuesday, chat)).as("Tuesday").hasSize(1);

        Map<String, Object> value = new HashMap<>(JSON.convertValue(
                review.adaptiveCard().path("actions").get(0).path("data"), Map.class));
        value.put("status." + med1, "IN_PROGRESS");
        value.put("comment." + med1, "Andra kullen chefer börjar i mars");
        value.put("status." + nv7, "NOT_STARTED");
        int answered = playground.activities().size();
        playground.submitCard(chat, "user-id-0", review.id(), value);

        var receipt = playground.awaitBotActivity(a -> a.isUpdate() && review.id().equals(a.id()), WAIT);
        assertThat(receipt.adaptiveCard().toString()).contains("2 av 3 rapporterade")
                .contains("Andra kullen chefer börjar i mars").contains("\"status." + med2 + "\"");
        assertThat(history(med1)).hasSize(1);
        assertThat(history(nv7)).hasSize(1);
        assertThat(history(med2)).isEmpty();
        assertThat(messagesFromTheBot(answered, chat)).as("the answer adds no message").isEmpty();

        int listed = playground.activities().size();
        playground.sendAsUser(chat, "user-id-0", "mina milstolpar");
        awaitCard(listed, "Dina milstolpar");
        assertThat(messagesFromTheBot(listed, chat)).as("mina milstolpar").hasSize(1);

        assertThat(api("GET", "/api/v1/reminders?status=sent&owner=" + alex, null))
                .extracting(r -> r.path("milestoneCode").asText() + " " + r.path("kind").asText())
                .containsExactlyInAnyOrder("MED-1 overdue", "MED-2 overdue", "NV-7 overdue",
                        "MED-1 review", "MED-2 review", "NV-7 review");
    }

    /** New messages from the bot in the chat logged from position {@code from} on, after a moment for stragglers. */
    private List<Playground.Activity> messagesFromTheBot(int from, String chat) throws InterruptedException {
        Thread.sleep(2_000);
        var seen = playground.activities();
        return seen.subList(Math.min(from, seen.size()), seen.size()).stream()
                .filter(a -> a.isNewBotMessage() && chat.equals(a.conversationId())).toList();
    }

    /** The first card from the bot logged at or after position {@code from} that says the fragment. */
    private Playground.Activity awaitCard(int from, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var seen = playground.activities();
            for (var a : seen.subList(Math.min(from, seen.size()), seen.size())) {
                if (a.fromBot() && a.adaptiveCard() != null && a.adaptiveCard().toString().contains(fragment)) {
                    return a;
                }
            }
            assertThat(System.nanoTime()).as("a card saying %s; seen: %s", fragment, seen).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
