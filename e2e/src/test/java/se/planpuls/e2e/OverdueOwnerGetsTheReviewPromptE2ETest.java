package se.planpuls.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An owner whose milestone is overdue still gets the annual review's prompt for it, as a Teams user
 * meets it: with the review on 8 December, Monday 7 December brings one card asking about MED-2 as
 * overdue (due in 2022) and PCA-5 for the review; on Tuesday MED-2's review card follows, and nothing else.
 */
class OverdueOwnerGetsTheReviewPromptE2ETest extends PlanpulsE2E {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T07:30:00Z"));

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void an_overdue_milestones_owner_gets_its_review_prompt_the_day_after_the_overdue_reminder() throws Exception {
        long alex = createOwner("Alex Wilber", "alexw@example.com");
        long med2 = milestoneId("MED-2");
        long pca5 = milestoneId("PCA-5");
        assign(med2, alex);
        api("PATCH", "/api/v1/milestones/" + pca5, "{\"ownerId\":" + alex + ",\"dueDate\":\"2027-06-30\"}");
        api("PUT", "/api/v1/plans/1/reminder-policy", "{\"reviewDate\":\"12-08\"}");
        String chat = playground.personalChatId();
        sayFromASwedishClient("hjälp");
        playground.awaitBotActivity(a -> a.text() != null && a.text().contains("my milestones"), WAIT);

        int monday = playground.activities().size();
        JsonNode first = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(first.path("summary").asText()).isEqualTo("2 due: 2 sent, 0 noted, 0 failed, 0 skipped");
        awaitCard(monday, "MED-2", "skulle ha varit uppnådd");
        awaitCard(monday, "PCA-5", "Årlig uppföljning");

        clock.moveTo(Instant.parse("2026-12-08T07:30:00Z"));
        int tuesday = playground.activities().size();
        JsonNode second = api("POST", "/api/v1/jobs/reminders/run", null);

        assertThat(second.path("summary").asText()).isEqualTo("1 due: 1 sent, 0 noted, 0 failed, 0 skipped");
        var review = awaitCard(tuesday, "MED-2", "Årlig uppföljning");
        assertThat(review.conversationId()).isEqualTo(chat);
        assertThat(review.adaptiveCard().toString()).contains("\"milestoneId\":" + med2);
        Thread.sleep(2_000);
        assertThat(playground.activities().subList(tuesday, playground.activities().size()))
                .filteredOn(a -> a.fromBot() && a.adaptiveCard() != null).hasSize(1);
        // Monday's two reminders came as one card.
        assertThat(playground.activities().subList(monday, playground.activities().size()))
                .filteredOn(a -> a.fromBot() && a.adaptiveCard() != null).hasSize(2);
        assertThat(api("GET", "/api/v1/reminders?status=sent&owner=" + alex, null))
                .extracting(r -> r.path("milestoneCode").asText() + " " + r.path("kind").asText())
                .containsExactlyInAnyOrder("MED-2 overdue", "PCA-5 review", "MED-2 review");
    }

    /** The first card from the bot logged at or after position {@code from} that names the code and says the fragment. */
    private Playground.Activity awaitCard(int from, String code, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var seen = playground.activities();
            for (var a : seen.subList(Math.min(from, seen.size()), seen.size())) {
                if (a.fromBot() && a.adaptiveCard() != null && a.adaptiveCard().toString().contains(code)
                        && a.adaptiveCard().toString().contains(fragment)) {
                    return a;
                }
            }
            assertThat(System.nanoTime()).as("a card for %s saying %s; seen: %s", code, fragment, seen)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
