package se.planpuls.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import se.planpuls.domain.rules.TextRules;

/**
 * Holds {@link TextRules} at the door of the admin API, for every route at once: each query
 * parameter, the actor header and every string (and field name) of a JSON body. A refusal names the
 * parameter or the JSON path, and comes before any route reads or writes anything.
 */
final class TextGuard {
    private TextGuard() {
    }

    static void check(Context ctx) {
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            require(param.getKey(), param.getKey());
            param.getValue().forEach(value -> require(param.getKey(), value));
        }
        String actor = ctx.header(AdminAuth.ACTOR_HEADER);
        require(AdminAuth.ACTOR_HEADER, actor);
        // Every body that reads as JSON is held, whatever Content-Type it came with: the routes read JSON
        // without asking for the header, so a form type must not be a way past the guard.
        if (ctx.method().name().equals("GET")) {
            return;
        }
        JsonNode tree;
        try {
            String body = ctx.body();
            tree = body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (BodyLimit.TooLarge e) {
            throw e;
        } catch (Exception e) {
            // Not JSON: the route says so in its own words.
            return;
        }
        if (tree != null) {
            walk(tree, "");
        }
    }

    private static void walk(JsonNode node, String path) {
        if (node.isTextual()) {
            require(path.isEmpty() ? "body" : path, node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                require(path.isEmpty() ? "body" : path, field.getKey());
                walk(field.getValue(), at);
            }
        }
    }

    private static void require(String field, String value) {
        if (!TextRules.clean(value)) {
            String name = TextRules.clean(field) ? field : "body";
            throw new BadRequest(name, TextRules.message(name));
        }
    }
}
