package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Mention;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonAdapterTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private final TeamsActivities teams = new TeamsActivities("http://127.0.0.1:1/");
    private final TeamsActivities.User anna = new TeamsActivities.User("29:anna", "Anna Berg",
            "6a2c4a1e-3f0c-4a5e-9d6b-1c2d3e4f5a6b", "sv-SE");

    @Test
    void writes_a_reply_with_a_card_exactly_as_the_sdks_own_writer_does() throws Exception {
        Activity incoming = new JacksonAdapter().deserialize(teams.submit(anna, "card-1",
                Map.of("planpuls", "report", "status", "IN_PROGRESS", "comment", "Åäö \"citat\" <b>")), Activity.class);
        var body = Cards.array();
        body.add(Cards.text("Tack! MED-1 är nu rapporterad: 🟡 Pågår").put("weight", "Bolder"));
        Activity reply = incoming.createReply("");
        reply.setAttachments(List.of(Cards.attachment(Cards.card(body))));
        reply.setLocale("sv-SE");

        assertSameJson(reply);
    }

    @Test
    void writes_a_text_with_a_mention_and_a_proactive_message_as_the_sdks_own_writer_does() throws Exception {
        Activity incoming = new JacksonAdapter().deserialize(teams.groupMessage(anna, "19:group@thread.v2",
                "hjälp"), Activity.class);
        Activity reply = incoming.createReply("<at>Anna Berg</at> hjälp kommer här");
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount("29:anna", "Anna Berg"));
        mention.setText("<at>Anna Berg</at>");
        reply.setMentions(List.of(mention));
        assertSameJson(reply);
        assertSameJson(MessageFactory.text("Påminnelse: MED-1 ska vara klar 2026-12-31"));
    }

    private static void assertSameJson(Activity activity) throws Exception {
        JsonNode sdk = TREES.readTree(new JacksonAdapter().serialize(activity));
        JsonNode plain = TREES.readTree(new PlainJsonAdapter.PlainJson().serialize(activity));

        assertThat(plain).isEqualTo(sdk);
        assertThat(plain.toString()).contains("\"type\":\"message\"");
    }
}
