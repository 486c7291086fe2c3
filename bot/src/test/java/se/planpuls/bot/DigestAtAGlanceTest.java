package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planpuls.db.ChannelService;
import se.planpuls.db.DigestService;
import se.planpuls.db.Fixtures;
import se.planpuls.db.TestDatabases;
import se.planpuls.domain.ChannelSubscription;
import se.planpuls.domain.Owner;

/**
 * The digest of the default plan as a leader meets it in the channel: the counts in one line first,
 * the status per area as a table, one line per milestone at risk through its dependencies, long lists
 * as counts per area with the lines behind "Visa alla", and the milestones nobody owns on their own.
 */
class DigestAtAGlanceTest {
    private static final String CHANNEL = "19:ledning_abc@thread.tacv2";

    private Fixtures f;
    private FakeConnector connector;
    private TeamsBot bot;
    private ChannelSubscription channel;

    @BeforeEach
    void start() throws Exception {
        f = new Fixtures(TestDatabases.h2());
        connector = new FakeConnector();
        var channels = new ChannelService(f.database, f.clock);
        bot = TeamsBot.create(new BotSettings("", "", ""), new BotServices(f.owners, f.milestones, f.reports,
                f.conversations, channels, f.plans), f.clock);
        Owner anna = f.owner("Anna Berg", "anna@example.com", null);
        for (String code : List.of("MED-1", "MED-2", "MED-3", "NIV-1", "NIV-2", "NV-1", "NV-2", "FYS-1")) {
            f.assign(code, anna);
        }
        f.conversations.save("19:general@thread.tacv2", se.planpuls.domain.ConversationKind.channel, null,
                "19:general@thread.tacv2", null, connector.url(), "tenant", "{}");
        channel = channels.subscribe(f.planId, "19:general@thread.tacv2", "19:general@thread.tacv2", null, "sv",
                "admin");
    }

    @AfterEach
    void stop() {
        connector.close();
        f.close();
    }

    private JsonNode postedCard(String statusImageUrl) {
        var digest = new DigestService(f.database, f.clock).digest(f.planId, Instant.parse("2026-11-15T07:00:00Z"));
        bot.postDigest(channel, digest, "https://planpuls.example/plans/1/map?key=k",
                "https://planpuls.example/plans/1/map.png?key=k", statusImageUrl).join();
        var create = connector.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().endsWith("/v3/conversations")).findFirst().orElseThrow();
        return create.body().path("activity").path("attachments").get(0).path("content");
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isObject() && "TextBlock".equals(node.path("type").asText())) {
            texts.add(node.path("text").asText());
        }
        node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
        return texts;
    }

    @Test
    void the_first_line_after_the_title_counts_changes_overdue_at_risk_dependencies_missing_and_no_owner() {
        JsonNode body = postedCard(null).path("body");

        assertThat(body.get(0).path("text").asText()).startsWith("Veckosammanfattning");
        // Every milestone of the default plan is past its due date; Anna owns 8, none reported this week.
        assertThat(body.get(2).path("text").asText()).isEqualTo("Inga ändringar · 34 försenade"
                + " · 0 med risk för försening · 4 med risk genom beroenden · 8 rapporter saknas · 26 utan ägare");
    }

    @Test
    void the_status_per_area_is_a_table_with_a_row_per_area_and_a_column_per_status() {
        JsonNode card = postedCard(null);

        List<JsonNode> rows = new ArrayList<>();
        card.findParents("columns").forEach(rows::add);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        assertThat(texts(rows.get(0))).containsExactly("Insatsområde", "🟢 Uppnådda", "🟡 Pågår", "🔴 Ej påbörjade",
                "⚪ Ingen rapport", "Rapport saknas");
        assertThat(texts(rows.get(1))).hasSize(6).first().isEqualTo("Personcentrerat arbetssätt");
        assertThat(rows).anySatisfy(row -> assertThat(texts(row)).containsExactly("Medarbetare", "0", "0", "0", "5",
                "3"));
        assertThat(card.toString()).doesNotContain("🟢 0 · 🟡");
    }

    @Test
    void a_milestone_at_risk_through_dependencies_is_one_line_naming_its_late_prerequisites() {
        List<String> texts = texts(postedCard(null));

        var nv7 = texts.stream().filter(t -> t.contains("**NV-7**")).toList();
        assertThat(nv7).hasSize(1);
        assertThat(nv7.get(0)).containsPattern("\\*\\*NV-7\\*\\* .*: \\d förutsättning(ar)? försenade?: [A-Z]+-\\d");
        assertThat(String.join("\n", texts)).doesNotContain(" ← ");
    }

    @Test
    void milestones_without_an_owner_are_a_section_of_their_own_and_not_repeated_as_no_owner_among_the_overdue() {
        JsonNode card = postedCard(null);
        List<String> texts = texts(card);
        String all = String.join("\n", texts);

        assertThat(texts).contains("Milstolpar utan ägare");
        int overdue = texts.indexOf("Försenade milstolpar");
        int atRisk = texts.indexOf("Rapporterade med risk för försening");
        assertThat(String.join("\n", texts.subList(overdue, atRisk))).doesNotContain("ingen ägare")
                .contains("MED-1").contains("saknar ägare och står under Milstolpar utan ägare");
        assertThat(all).contains("PCA-5").contains("försenad");
    }

    @Test
    void a_long_list_shows_its_counts_per_area_and_keeps_its_lines_behind_show_all() {
        JsonNode card = postedCard(null);
        String json = card.toString();

        assertThat(json).contains("Action.ToggleVisibility").contains("Visa alla (8)")
                .contains("\"id\":\"all.digest.overdue\",\"isVisible\":false");
        List<String> texts = texts(card);
        int overdue = texts.indexOf("Försenade milstolpar");
        assertThat(texts.get(overdue + 1)).contains("Medarbetare 3").contains(" · ");
    }

    @Test
    void the_status_picture_comes_with_the_counts_per_area_as_its_alt_text() {
        JsonNode card = postedCard("https://planpuls.example/plans/1/status.png?key=k");

        JsonNode image = card.path("body").findParents("url").stream()
                .filter(n -> n.path("url").asText().contains("status.png")).findFirst().orElseThrow();
        assertThat(image.path("altText").asText()).startsWith("Läget per insatsområde")
                .contains("Medarbetare: 0, 0, 0, 5");
    }
}
