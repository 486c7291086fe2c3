package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.planpuls.domain.Status;

/** Every text command, in Swedish and English, with its refusals. */
class TextCommandsTest extends BotTestBase {

    @Test
    void show_finds_a_milestone_by_short_id_or_a_unique_part_of_its_title() {
        assertThat(say(ANNA, "visa med-1")).isEmpty();
        assertThat(lastCard().toString()).contains("MED-1 Ledarskapsakademi är inrättad");

        say(ANNA.inEnglish(), "show ledarskapsakademi");
        assertThat(lastCard().toString()).contains("MED-1");
    }

    @Test
    void show_of_someone_elses_milestone_is_a_summary_without_a_card() {
        String text = say(ANNA, "visa NIV-3");

        // The plan states no criterion for NIV-3: its description is shown as such, not as one.
        assertThat(text).contains("NIV-3 Hälso- och vårdutbudskarta").contains("Beskrivning i planen")
                .doesNotContain("Så bedöms den uppnådd").contains("Ägare: –");
        assertThat(connector.sent().get(connector.sent().size() - 1).path("attachments")).isEmpty();
    }

    @Test
    void an_ambiguous_title_lists_the_candidates_and_an_unknown_one_says_so() {
        String ambiguous = say(ANNA, "visa modell");
        String unknown = say(ANNA.inEnglish(), "show teleportation");

        assertThat(ambiguous).contains("stämmer in på 7 milstolpar. Skriv koden (t.ex. MED-1)").contains("PCA-1").contains("FYS-2");
        assertThat(unknown).contains("I find no milestone called or containing “teleportation”");
    }

    @Test
    void report_by_text_stores_the_status_and_comment() {
        String answer = say(ANNA, "rapportera MED-1 gul Första kullen börjar i mars");

        var latest = f.milestones.view(id("MED-1")).latest();
        assertThat(latest.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(latest.comment()).isEqualTo("Första kullen börjar i mars");
        assertThat(answer).contains("Tack!").contains("Pågår");
    }

    @Test
    void report_by_text_in_english_with_a_title_part() {
        String answer = say(ANNA.inEnglish(), "report SDV red waiting for the regional schedule");

        assertThat(f.milestones.view(id("DIG-4")).currentStatus()).contains(Status.NOT_STARTED);
        assertThat(answer).contains("Thank you").contains("Not started");
    }

    @Test
    void report_reached_by_text_without_comment_asks_how_it_was_judged() {
        say(ANNA, "rapportera MED-1 grön");

        assertThat(lastCard().toString()).contains("Vad visar att MED-1");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void report_without_a_status_word_explains_the_form_and_stores_nothing() {
        String answer = say(ANNA, "rapportera MED-1 klart nu");
        String english = say(ANNA.inEnglish(), "report");

        assertThat(answer).contains("rapportera** MED-1 **grön**");
        assertThat(english).contains("**report** MED-1 **green**");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void report_on_someone_elses_milestone_or_by_a_stranger_is_refused() {
        String notHers = say(ANNA, "rapportera NIV-3 grön Klart");
        String stranger = say(STRANGER, "rapportera MED-1 grön Klart");

        assertThat(notHers).contains("varken ägare till eller ersättare för NIV-3");
        assertThat(stranger).contains("inte registrerad som milstolpsägare");
        assertThat(f.reports.history(id("NIV-3"))).isEmpty();
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void the_same_text_report_delivered_twice_is_stored_once() {
        String activity = teams.message(ANNA, "rapportera MED-1 gul Pågår enligt plan");

        post(activity);
        post(activity);

        assertThat(f.reports.history(id("MED-1"))).hasSize(1);
    }

    @Test
    void history_lists_every_report_oldest_first_in_both_languages() {
        say(ANNA, "rapportera MED-1 röd Inte startat");
        say(ANNA, "rapportera MED-1 gul Igång");

        String sv = say(ANNA, "historik MED-1");
        String en = say(ANNA.inEnglish(), "history MED-1");

        assertThat(sv).contains("Historik för MED-1").contains("(2 rapporter)");
        say(ANNA, "rapportera DIG-4 röd Väntar");
        assertThat(say(ANNA, "historik DIG-4")).contains("(1 rapport)");
        assertThat(sv.indexOf("Inte startat")).isLessThan(sv.indexOf("Igång"));
        assertThat(sv).contains("22 nov 2026");
        assertThat(en).contains("History of MED-1").contains("Not started").contains("In progress");
        assertThat(say(ANNA, "historik NIV-3")).contains("har inga rapporter ännu");
        assertThat(say(ANNA, "historik")).contains("Skriv **historik**");
    }

    @Test
    void snooze_pauses_check_ins_for_n_days_and_zero_resumes_them() {
        String on = say(ANNA, "snooza 7");
        LocalDate until = f.owners.byId(anna.id()).snoozeUntil();
        String bad = say(ANNA, "snooza 999");
        String english = say(ANNA.inEnglish(), "snooze 0");

        assertThat(until).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(on).contains("29 nov 2026");
        assertThat(bad).contains("från 1 till 60");
        assertThat(english).contains("Check-ins are back on");
        assertThat(f.owners.byId(anna.id()).snoozeUntil()).isNull();
    }

    @Test
    void pausa_is_another_word_for_snooza_and_deadline_reminders_still_come() {
        String on = say(ANNA, "pausa 3");

        assertThat(f.owners.byId(anna.id()).snoozeUntil()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(on).contains("inga avstämningar till och med 25 nov 2026")
                .contains("Påminnelser inför slutdatum skickas ändå");
    }

    @Test
    void a_snoozed_owner_gets_no_weekly_check_in() {
        say(ANNA, "snooza 3");
        connector.clear();

        var summary = bot.sendWeeklyCheckIns().join();

        assertThat(summary.ownersPrompted()).isZero();
        assertThat(connector.sent()).isEmpty();
    }

    @Test
    void leave_pauses_prompts_until_a_date_and_refuses_past_or_malformed_dates() {
        String on = say(ANNA, "ledig till 2026-12-31");
        String past = say(ANNA, "ledig till 2026-01-01");
        String malformed = say(ANNA.inEnglish(), "leave until christmas");
        String tooFar = say(ANNA, "ledig till 2030-01-01");

        assertThat(on).contains("31 dec 2026");
        assertThat(past).contains("har redan passerat");
        assertThat(malformed).contains("**leave until**");
        assertThat(tooFar).contains("högst ett år");
        assertThat(f.owners.byId(anna.id()).leaveUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(say(ANNA, "ledig slut")).contains("Välkommen tillbaka");
        assertThat(f.owners.byId(anna.id()).leaveUntil()).isNull();
    }

    @Test
    void a_named_substitute_sees_and_reports_on_the_owners_milestones_on_her_behalf() {
        String named = say(ANNA, "ersättare bo.ek@example.com");

        String list = say(BO, "mina milstolpar");
        String listText = connector.sent().get(0).path("attachments").get(0).path("content").toString();
        String report = say(BO, "rapportera MED-1 gul Jag rapporterar åt Anna");

        assertThat(named).contains("bo.ek@example.com är nu din ersättare");
        assertThat(listText).contains("MED-1").contains("som ersättare för Anna Berg");
        var latest = f.milestones.view(id("MED-1")).latest();
        assertThat(latest.reporterName()).as("the name Teams shows replaces the one made from the address")
                .isEqualTo("Bo Ek");
        assertThat(latest.onBehalfOfId()).isEqualTo(anna.id());
        assertThat(report).contains("som ersättare för Anna Berg");
        assertThat(say(ANNA, "historik MED-1")).contains("Bo Ek som ersättare för Anna Berg");
    }

    @Test
    void a_cleared_substitute_may_no_longer_report_and_nobody_is_their_own_substitute() {
        say(ANNA, "ersättare bo.ek@example.com");
        String cleared = say(ANNA.inEnglish(), "substitute none");
        String refused = say(BO, "rapportera MED-1 gul Försöker");
        String self = say(ANNA, "ersättare anna.berg@example.com");
        String badMail = say(ANNA, "ersättare bo");

        assertThat(cleared).contains("no longer have a substitute");
        assertThat(refused).contains("varken ägare till eller ersättare för MED-1");
        assertThat(self).contains("inte vara din egen ersättare");
        assertThat(badMail).contains("e-postadress");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }

    @Test
    void the_language_choice_sticks_whatever_the_client_says() {
        String set = say(ANNA, "språk engelska");
        String after = say(ANNA, "hjälp");
        String back = say(ANNA.inEnglish(), "language swedish");
        String swedish = say(ANNA.inEnglish(), "help");

        assertThat(set).contains("I will write in English");
        assertThat(after).contains("How to use Planpuls");
        assertThat(back).contains("jag skriver på svenska");
        assertThat(swedish).contains("Så här använder du Planpuls");
        assertThat(say(ANNA, "språk klingon")).contains("**språk svenska**");
    }

    @Test
    void a_near_miss_gets_a_did_you_mean_and_the_help() {
        String answer = say(ANNA, "min milstolpar");
        String english = say(ANNA.inEnglish(), "histroy MED-1");

        assertThat(answer).contains("Menade du **mina milstolpar**?").contains("Så här använder du Planpuls");
        assertThat(english).contains("Did you mean **history**?").contains("How to use Planpuls");
    }

    @Test
    void in_a_group_chat_only_the_owner_may_change_data() {
        post(teams.groupMessage(STRANGER, "19:ledning@thread.v2", "rapportera MED-1 grön Klart"));
        String refused = lastText();
        post(teams.groupMessage(ANNA, "19:ledning@thread.v2", "rapportera MED-1 gul Vi är igång"));

        assertThat(refused).contains("inte registrerad som milstolpsägare");
        assertThat(f.reports.history(id("MED-1"))).singleElement()
                .satisfies(r -> assertThat(r.reporterName()).isEqualTo("Anna Berg"));
    }

    @Test
    void a_user_is_known_by_entra_id_not_by_display_name() {
        var impostor = new TeamsActivities.User("29:1impostor", "Anna Berg", "99999999-9999-4999-8999-999999999999",
                "sv-SE");
        connector.member(impostor.teamsId(), "Anna Berg", "anna.b@other.example.com", impostor.aadObjectId());

        String answer = say(impostor, "rapportera MED-1 grön Klart");

        assertThat(answer).contains("inte registrerad som milstolpsägare");
        assertThat(f.reports.history(id("MED-1"))).isEmpty();
    }
}
