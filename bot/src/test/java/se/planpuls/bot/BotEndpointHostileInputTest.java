package se.planpuls.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever is posted to the bot, the answer is no 5xx and nothing is sent anywhere: a body the bot
 * cannot answer (no type, no conversation, no http(s) service URL) is a 400, an activity of a type
 * the bot does not know is taken and ignored (202), as Teams expects.
 */
class BotEndpointHostileInputTest extends BotTestBase {

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "null",
        "[]",
        "\"message\"",
        "{}",
        "{\"type\":\"message\"}",
        "{\"type\":\"message\",\"text\":\"hjälp\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"ftp://x/\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"http:// bad host/\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":5,\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":\"a:1\"}",
        "{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":null}}",
        "{\"type\":\"\\u0000\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"membersAdded\":\"x\",\"channelData\":[1,2],\"serviceUrl\":\"http://127.0.0.1:1/\"}",
        "{\"type\":\"message\",\"value\":{\"a\":{\"b\":{\"c\":{\"d\":[[[[[[[[[[1]]]]]]]]]]}}}},\"conversation\":{}}"})
    void a_body_the_bot_cannot_answer_is_never_a_5xx_and_sends_nothing(String body) {
        int status = bot.process("Bearer abc", body).join().status();

        assertThat(status).as(body).isIn(400, 202);
        assertThat(connector.calls()).as(body).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"message\"}",
        "{\"type\":\"message\",\"text\":\"hjälp\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"ftp://x/\",\"conversation\":{\"id\":\"a:1\"}}",
        "{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":null}}"})
    void an_activity_without_a_conversation_or_a_service_url_to_answer_at_is_a_400(String body) {
        assertThat(bot.process(null, body).join().status()).as(body).isEqualTo(400);
    }
}
