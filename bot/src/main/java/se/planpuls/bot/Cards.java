package se.planpuls.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/** Small typed helpers for building Adaptive Cards as Jackson trees (never by string templates). */
final class Cards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Cards() {
    }

    static ObjectNode card(ArrayNode body) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        card.set("body", body);
        return card;
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ObjectNode text(String text) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    static ObjectNode heading(String text) {
        return text(text).put("weight", "Bolder").put("size", "Medium");
    }

    static ObjectNode subtle(String text) {
        return text(text).put("isSubtle", true).put("spacing", "None");
    }

    static ObjectNode facts(String... titleValuePairs) {
        ArrayNode facts = JSON.arrayNode();
        for (int i = 0; i + 1 < titleValuePairs.length; i += 2) {
            facts.addObject().put("title", titleValuePairs[i]).put("value", titleValuePairs[i + 1]);
        }
        ObjectNode set = JSON.objectNode();
        set.put("type", "FactSet");
        set.set("facts", facts);
        return set;
    }

    static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }
}
