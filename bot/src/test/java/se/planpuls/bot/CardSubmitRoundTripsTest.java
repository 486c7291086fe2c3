package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.planpuls.db.RoundTrips;
import se.planpuls.domain.Status;

/**
 * What a card submit costs the database, counted on the real adapter with a Teams-shaped submit: a
 * round trip is one JDBI handle (one connection from the pool, with or without a transaction).
 * Owners answer in under a minute on a shared database, so a submit must not chat with it.
 */
class CardSubmitRoundTripsTest extends BotTestBase {
    private static final int MOST = 3;

    private RoundTrips submit(TeamsActivities.User user, String cardId, java.util.Map<String, Object> value) {
        try (var trips = RoundTrips.count(f.database)) {
            int status = post(teams.submit(user, cardId, value));
            assertThat(status).isEqualTo(202);
            System.out.printf("card submit %s: %d round trips, %d statements%n", cardId, trips.handles(),
                    trips.statements());
            return trips;
        }
    }

    @Test
    void a_known_owners_card_submit_with_effects_and_a_risk_takes_at_most_three_round_trips() {
        post(teams.message(ANNA, "hjälp"));
        long med1 = id("MED-1");
        var effects = f.milestones.effects(med1);
        var value = submitValue(med1, "IN_PROGRESS", "Akademin startar i mars");
        value.put("effects", effects.get(0).id() + "," + effects.get(1).id());
        value.put("atRisk", "true");
        value.put("expectedDate", "2027-03-31");
        connector.clear();

        var trips = submit(ANNA, "card-owner", value);

        assertThat(trips.handles()).isLessThanOrEqualTo(MOST);
        assertThat(f.milestones.view(med1).latest().expectedDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(connector.updates()).singleElement().satisfies(update -> assertThat(update.body().toString())
                .contains("Rapport mottagen").contains(effects.get(0).text()).contains(effects.get(1).text()));
        assertThat(lastText()).contains("MED-1").contains("Pågår").contains("31 mar 2027");
    }

    @Test
    void a_substitutes_card_submit_takes_at_most_three_round_trips_and_names_the_owner() {
        f.owners.nameSubstitute(anna.id(), "bo.ek@example.com");
        post(teams.message(BO, "hjälp"));
        long med1 = id("MED-1");
        connector.clear();

        var trips = submit(BO, "card-substitute", submitValue(med1, "REACHED", "Akademin är invigd"));

        assertThat(trips.handles()).isLessThanOrEqualTo(MOST);
        assertThat(f.milestones.view(med1).latest().onBehalfOfId()).isEqualTo(anna.id());
        assertThat(connector.updates()).singleElement()
                .satisfies(update -> assertThat(update.body().toString()).contains("Anna Berg"));
        assertThat(lastText()).contains("Anna Berg");
    }

    @Test
    void asking_how_a_reached_milestone_was_judged_takes_at_most_three_round_trips_and_so_does_the_answer() {
        post(teams.message(ANNA, "hjälp"));
        long med1 = id("MED-1");

        var asking = submit(ANNA, "card-reached", submitValue(med1, "REACHED", null));
        String questionId = connector.sent().get(connector.sent().size() - 1).path("id").asText();
        var answer = submitValue(med1, "REACHED", "Beslut i ledningsgruppen");
        answer.put("planpuls", "judged");
        answer.put("cardId", "card-reached");
        var answering = submit(ANNA, questionId.isEmpty() ? "question" : questionId, answer);

        assertThat(asking.handles()).isLessThanOrEqualTo(MOST);
        assertThat(answering.handles()).isLessThanOrEqualTo(MOST);
        assertThat(f.milestones.view(med1).currentStatus()).contains(Status.REACHED);
    }

    @Test
    void a_chat_whose_reference_did_not_change_is_not_written_again() {
        post(teams.message(ANNA, "hjälp"));
        long med1 = id("MED-1");

        var trips = submit(ANNA, "card-same-chat", submitValue(med1, "IN_PROGRESS", "Pågår enligt plan"));

        assertThat(trips.sql()).noneMatch(sql -> sql.startsWith("UPDATE conversation_refs")
                || sql.startsWith("INSERT INTO conversation_refs"));
        assertThat(f.conversations.byId(TeamsActivities.personalChat(ANNA))).hasValueSatisfying(
                ref -> assertThat(ref.ownerId()).isEqualTo(anna.id()));
    }
}
