package se.planpuls.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 description of the HTTP API, written from the route table: every route the server
 * registers, and nothing else, with its parameters, body, answer and statuses.
 */
final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    private OpenApi() {
    }

    static String json(List<Route> routes) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "Planpuls admin API");
        info.put("version", "1");
        info.put("description", "Admin tokens (PLANPULS_ADMIN_TOKEN, PLANPULS_ADMIN_TOKENS) may read and write; "
                + "read-only tokens (PLANPULS_READONLY_TOKENS) may only read. Errors are RFC 9457 problem+json.");
        ObjectNode components = root.putObject("components");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        ObjectNode props = problem.putObject("properties");
        for (String p : List.of("type", "title", "detail")) {
            props.putObject(p).put("type", "string");
        }
        props.putObject("status").put("type", "integer");
        ObjectNode errors = props.putObject("errors");
        errors.put("type", "array");
        ObjectNode error = errors.putObject("items");
        error.put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) error.get("properties")).putObject("message").put("type", "string");
        ObjectNode paths = root.putObject("paths");
        for (Route op : routes) {
            String method = op.method().name().toLowerCase(Locale.ROOT);
            ObjectNode path = paths.has(op.path()) ? (ObjectNode) paths.get(op.path()) : paths.putObject(op.path());
            ObjectNode operation = path.putObject(method);
            operation.putArray("tags").add(op.tag());
            operation.put("summary", op.summary());
            operation.put("operationId", method + op.path().replaceAll("[^A-Za-z0-9]+", "_"));
            if (RouteTable.guarded(op.path())) {
                operation.putArray("security").addObject().putArray("bearer");
            }
            ArrayNode parameters = operation.putArray("parameters");
            Matcher m = PARAM.matcher(op.path());
            while (m.find()) {
                ObjectNode p = parameters.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                boolean id = m.group(1).equals("id") || m.group(1).endsWith("Id");
                p.putObject("schema").put("type", id ? "integer" : "string");
            }
            for (String q : op.query()) {
                ObjectNode p = parameters.addObject();
                p.put("name", q);
                p.put("in", "query");
                p.put("required", false);
                p.putObject("schema").put("type", "string");
            }
            if (method.equals("patch") || method.equals("delete")) {
                ObjectNode p = parameters.addObject();
                p.put("name", "If-Match");
                p.put("in", "header");
                p.put("required", false);
                p.putObject("schema").put("type", "string");
            }
            if (op.body() != null) {
                body(schemas, operation.putObject("requestBody").put("required", true).putObject("content"), op.body());
            }
            ObjectNode responses = operation.putObject("responses");
            for (int status : op.statuses()) {
                ObjectNode response = responses.putObject(String.valueOf(status));
                response.put("description", description(status));
                if (status < 300 && status != 204 && op.response() != null) {
                    ObjectNode schema = response.putObject("content").putObject("application/json")
                            .putObject("schema");
                    if (op.list()) {
                        schema.put("type", "array").putObject("items").put("$ref", ref(schemas, op.response()));
                    } else {
                        schema.put("$ref", ref(schemas, op.response()));
                    }
                }
                if (status >= 400) {
                    response.putObject("content").putObject("application/problem+json").putObject("schema")
                            .put("$ref", "#/components/schemas/Problem");
                }
            }
        }
        return root.toPrettyString();
    }

    private static void body(ObjectNode schemas, ObjectNode content, Route.Body body) {
        ObjectNode schema = content.putObject("application/json").putObject("schema");
        schema.put("type", "object");
        if (body.shape() == null) {
            schema.put("description", body.description());
        } else {
            ObjectNode properties = schema.putObject("properties");
            for (var component : body.shape().getRecordComponents()) {
                if (body.fields().contains(component.getName())) {
                    type(schemas, properties.putObject(component.getName()), component.getGenericType());
                }
            }
            schema.put("additionalProperties", false);
        }
        if (body.csv() != null) {
            content.putObject("text/csv").putObject("schema").put("type", "string").put("description", body.csv());
        }
    }

    /** A record's schema, from its components, added to {@code schemas} once; returns its reference. */
    private static String ref(ObjectNode schemas, Class<?> type) {
        String name = type.getSimpleName();
        if (!schemas.has(name)) {
            ObjectNode schema = schemas.putObject(name);
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (var component : type.getRecordComponents()) {
                type(schemas, properties.putObject(component.getName()), component.getGenericType());
            }
        }
        return "#/components/schemas/" + name;
    }

    private static void type(ObjectNode schemas, ObjectNode node, java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType parameterized
                && List.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            node.put("type", "array");
            type(schemas, node.putObject("items"), parameterized.getActualTypeArguments()[0]);
            return;
        }
        if (type instanceof java.lang.reflect.ParameterizedType parameterized
                && java.util.Map.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            node.put("type", "object");
            type(schemas, node.putObject("additionalProperties"), parameterized.getActualTypeArguments()[1]);
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            node.put("$ref", ref(schemas, raw));
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            node.put("type", "integer");
        } else if (raw == java.math.BigDecimal.class || raw == double.class || raw == Double.class) {
            node.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw == java.time.LocalDate.class) {
            simple(node, "date");
        } else if (raw == java.time.Instant.class) {
            node.put("type", "string").put("format", "date-time");
        } else if (raw.isEnum()) {
            // The words the API reads and writes, as Jackson spells each constant.
            ArrayNode words = node.put("type", "string").putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                words.add(Json.MAPPER.valueToTree(constant).asText());
            }
        } else if (raw == com.fasterxml.jackson.databind.JsonNode.class) {
            node.put("type", "object").put("description", "the entity as JSON");
        } else {
            node.put("type", "string");
        }
    }

    private static void simple(ObjectNode node, String type) {
        if (type.equals("date")) {
            node.put("type", "string").put("format", "date");
        } else {
            node.put("type", type);
        }
    }

    private static String description(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No content";
            case 400 -> "Invalid input; errors name the fields";
            case 401 -> "No or a wrong token";
            case 403 -> "Read-only token on a write";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 412 -> "If-Match names a stale version";
            case 413 -> "Body over 1 MiB";
            case 503 -> "Database down";
            default -> "Status " + status;
        };
    }

    /** The Swagger UI page, loading the webjar's assets and this document. */
    static String swaggerPage() {
        String swaggerVersion = swaggerUiVersion();
        String base = "/webjars/swagger-ui/" + swaggerVersion.toLowerCase(Locale.ROOT);
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Planpuls API</title>
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><div id="swagger-ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script>window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui"});</script>
                </body></html>
                """.formatted(base);
    }

    /** The Swagger UI webjar's version, from its own Maven metadata, so the pom pins it once. */
    private static String swaggerUiVersion() {
        try (var in = OpenApi.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            var properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
