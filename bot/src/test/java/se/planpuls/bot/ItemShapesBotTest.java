package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.db.OwnerGroupService;
import se.planpuls.db.PlanImportService;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ItemKind;
import se.planpuls.domain.ItemShapeDoc;
import se.planpuls.domain.Owner;
import se.planpuls.domain.PlanDocument;
import se.planpuls.domain.Status;
import se.planpuls.domain.TimesPerYear;

/**
 * Sub-deliverables nested under their parent, group owners, ongoing items and counts as the bot
 * shows them: in {@code mina milstolpar}, on the milestone card and in the receipt.
 */
class ItemShapesBotTest extends BotTestBase {
    private Owner bo;

    @BeforeEach
    void importShapes() {
        bo = f.owner("Bo Ek", "bo.ek@example.com", null);
        var doc = new PlanDocument("orebro", "Uppdrag 2024", "Region Örebro län", 2026, 2027, List.of(),
                List.of(new PlanDocument.Group("g", "Uppdrag", List.of(new PlanDocument.Area("a", "FARD", "Färdplaner",
                        null, List.of(
                                item("NR-7", "Färdplan för operationsflödet", ItemKind.ASSIGNMENT,
                                        LocalDate.parse("2026-12-31"), null, shape(null, false, null, "förvaltningen")),
                                item("NR-7-a", "Öka högspecialiserade ingrepp på USÖ", ItemKind.ASSIGNMENT,
                                        LocalDate.parse("2026-12-31"), null, shape("NR-7", false, null, "förvaltningen")),
                                item("NR-7-b", "Minska ej högspecialiserade ingrepp", ItemKind.ASSIGNMENT,
                                        LocalDate.parse("2026-12-31"), null, shape("NR-7", false, null, "förvaltningen")),
                                item("NR-12", "Följa färdplanen för nära vård", ItemKind.ASSIGNMENT, null,
                                        "anna.berg@example.com", shape(null, true, null, null)),
                                item("NYHETSBREV", "Nyhetsbrev", ItemKind.RECURRING, LocalDate.parse("2027-12-31"),
                                        "anna.berg@example.com",
                                        shape(null, false, new TimesPerYear(4, null), null))))))),
                List.of());
        new PlanImportService(f.database, f.clock).importPlan(doc, Actor.SYSTEM);
        var groups = new OwnerGroupService(f.database, f.clock);
        long group = groups.all().get(0).id();
        groups.addMember(group, new OwnerGroupService.NewMember(anna.id(), null, null, null), null, Actor.SYSTEM);
        groups.addMember(group, new OwnerGroupService.NewMember(bo.id(), null, null, null), null, Actor.SYSTEM);
    }

    @Test
    void my_milestones_nests_deliverables_under_their_parent_and_names_the_group_and_the_ongoing_item() {
        say(BO, "mina milstolpar");

        String card = connector.sent().get(0).path("attachments").get(0).path("content").path("body").toString();
        assertThat(card).contains("NR-7: delleveranser: 0 av 2 uppnådda");
        assertThat(card.indexOf("NR-7** ")).isLessThan(card.indexOf("↳ NR-7-a"));
        assertThat(card.indexOf("↳ NR-7-a")).isLessThan(card.indexOf("↳ NR-7-b"));
        assertThat(card).contains("(för gruppen förvaltningen)");
        assertThat(card).doesNotContain("NR-12");

        say(ANNA, "mina milstolpar");
        String annas = connector.sent().get(0).path("attachments").get(0).path("content").path("body").toString();
        assertThat(annas).contains("NR-12").contains("pågående (löpande)").contains("↳ NR-7-a");
    }

    @Test
    void a_member_reports_a_deliverable_and_the_receipt_says_for_which_group_and_the_parent_sums_it_up() {
        long child = id("NR-7-a");
        connector.clear();

        post(teams.submit(BO, "card-9", submitValue(child, "REACHED", "Planen är klar")));

        assertThat(f.milestones.view(child).currentStatus()).contains(Status.REACHED);
        assertThat(f.milestones.view(child).latest().reporterName()).isEqualTo("Bo Ek");
        assertThat(connector.updates()).singleElement()
                .satisfies(u -> assertThat(u.body().toString()).contains("Bo Ek för gruppen förvaltningen"));
        assertThat(lastText()).contains("Du har svarat för gruppen förvaltningen");

        String card = showCard(ANNA, "visa NR-7");
        assertThat(card).contains("Delleveranser").contains("1 av 2 uppnådda").contains("↳ NR-7-a");
        assertThat(card).contains("Pågår");
    }

    @Test
    void an_ongoing_item_shows_no_due_date_and_a_count_shows_how_often() {
        assertThat(showCard(ANNA, "visa NR-12")).contains("pågående – löpande, utan slutdatum");
        assertThat(showCard(ANNA, "visa NYHETSBREV")).contains("minst 4 gånger per år");
        assertThat(showCard(ANNA.inEnglish(), "show NR-12")).contains("ongoing, no end date");
    }

    private String showCard(TeamsActivities.User user, String command) {
        connector.clear();
        post(teams.message(user, command));
        return connector.sent().get(0).path("attachments").get(0).path("content").path("body").toString();
    }

    private static ItemShapeDoc shape(String parent, boolean ongoing, TimesPerYear times, String group) {
        return new ItemShapeDoc(parent, ongoing, times, List.of("Hälso- och sjukvårdsnämnden"), group);
    }

    private static PlanDocument.Item item(String code, String title, ItemKind kind, LocalDate due, String owner,
                                          ItemShapeDoc shape) {
        return new PlanDocument.Item("row.", code, kind, title, null, null, due == null ? null : due.getYear(), due,
                false, "Hälso- och sjukvårdsnämnden", null, null, owner, owner == null ? null : "Anna Berg", List.of(),
                shape);
    }
}
