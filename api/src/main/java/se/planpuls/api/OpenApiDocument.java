package se.planpuls.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 description of the HTTP API, generated from {@link #OPERATIONS}: one entry per
 * route, which {@code OpenApiDocumentTest} checks against the routes the server really has, so a
 * route cannot be added without being described.
 */
final class OpenApiDocument {
    record Op(String method, String path, String tag, String summary, List<String> query, String body,
              List<Integer> statuses, Class<?> response, boolean list) {
        Op(String method, String path, String tag, String summary, List<String> query, String body,
           List<Integer> statuses) {
            this(method, path, tag, summary, query, body, statuses, null, false);
        }

        Op returning(Class<?> type) {
            return new Op(method, path, tag, summary, query, body, statuses, type, false);
        }

        Op listing(Class<?> type) {
            return new Op(method, path, tag, summary, query, body, statuses, type, true);
        }
    }

    private static final java.util.Map<String, String> TYPES = java.util.Map.of(
            "planId", "integer", "ownerId", "integer", "dueYear", "integer", "dateUncertain", "boolean",
            "admin", "boolean", "dueDate", "date", "startsOn", "date", "leaveUntil", "date");

    /** The JSON request bodies that are read field by field; their fields are the controllers' own sets. */
    static final java.util.Map<String, java.util.Map<String, String>> BODIES = java.util.Map.of(
            "item", types(ItemController.FIELDS, "planId"),
            "owner", types(java.util.Set.of("name", "email", "aadObjectId", "admin")),
            "ownerChange", types(OwnerAdminController.FIELDS));

    private static java.util.Map<String, String> types(java.util.Set<String> fields, String... more) {
        java.util.Map<String, String> types = new java.util.TreeMap<>();
        for (String field : fields) {
            types.put(field, TYPES.getOrDefault(field, "string"));
        }
        for (String field : more) {
            types.put(field, TYPES.getOrDefault(field, "string"));
        }
        return types;
    }


    private static final List<Integer> READ = List.of(200, 400, 401, 404);
    private static final List<Integer> WRITE = List.of(200, 400, 401, 403, 404, 409, 412, 413);

    static final List<Op> OPERATIONS = List.of(
            new Op("get", "/health", "service", "Health of the service and its database", List.of(), null,
                    List.of(200, 503)),
            new Op("post", "/api/messages", "bot", "Bot Framework activities from Teams (authenticated by the "
                    + "Bot Framework, not by an admin token)", List.of(), "activity", List.of(200, 400, 401)),
            new Op("get", "/api/v1/plans", "plans", "List plans", List.of(), null, READ).listing(Views.PlanJson.class),
            new Op("get", "/api/v1/plans/{id}", "plans", "Read a plan with its groups, areas and items", List.of(),
                    null, READ).returning(Views.PlanDetailJson.class),
            new Op("post", "/api/v1/plans/import", "plans", "Import a plan as JSON or CSV (Content-Type: text/csv);"
                    + " idempotent; a re-import updates items in place and records what changed; a bad file "
                    + "imports nothing and every problem names its row or path and field", List.of(), "plan",
                    List.of(200, 201, 400, 401, 403, 413)).returning(se.planpuls.domain.ImportResult.class),
            new Op("get", "/api/v1/plans/{id}/export", "plans", "Export a plan as JSON or CSV, the formats import "
                    + "takes", List.of("format"), null, READ),
            new Op("get", "/api/v1/plans/{id}/history.csv", "audit", "The plan's full change history as CSV",
                    List.of(), null, READ),
            new Op("get", "/api/v1/milestones", "items", "Search items (milestones, assignments, recurring "
                    + "commitments); paged, total in X-Total-Count", List.of("q", "area", "owner", "status", "kind",
                    "plan", "limit", "offset"), null, READ).listing(Views.MilestoneJson.class),
            new Op("post", "/api/v1/milestones", "items", "Create an item", List.of(), "item",
                    List.of(201, 400, 401, 403, 404, 409, 413)).returning(Views.MilestoneDetailJson.class),
            new Op("get", "/api/v1/milestones/{id}", "items", "Read an item with effects, dependencies and "
                    + "history; its ETag is its version", List.of(), null, READ).returning(Views.MilestoneDetailJson.class),
            new Op("patch", "/api/v1/milestones/{id}", "items", "Change an item: fields, due date (with a reason), "
                    + "owner; If-Match guards against stale writes", List.of(), "item", WRITE)
                    .returning(Views.MilestoneDetailJson.class),
            new Op("delete", "/api/v1/milestones/{id}", "items", "Soft-delete an item; its history stays",
                    List.of("reason"), null, List.of(204, 401, 403, 404, 412)),
            new Op("get", "/api/v1/owners", "owners", "List owners; paged, total in X-Total-Count",
                    List.of("q", "admin", "limit", "offset"), null, READ).listing(Views.OwnerJson.class),
            new Op("post", "/api/v1/owners", "owners", "Create an owner", List.of(), "owner",
                    List.of(201, 400, 401, 403, 409, 413)).returning(Views.OwnerJson.class),
            new Op("get", "/api/v1/owners/{id}", "owners", "Read an owner; its ETag is its version", List.of(), null,
                    READ).returning(Views.OwnerJson.class),
            new Op("patch", "/api/v1/owners/{id}", "owners", "Change an owner: name, e-mail, admin flag, leave "
                    + "(leaveUntil), substitute (substituteEmail)", List.of(), "ownerChange", WRITE)
                    .returning(Views.OwnerJson.class),
            new Op("delete", "/api/v1/owners/{id}", "owners", "Erase an owner's personal data; history stays, "
                    + "attributed to \"former owner\"", List.of(), null, List.of(204, 401, 403, 404, 412)),
            new Op("get", "/api/v1/audit", "audit", "The audit log: who changed what, when, before and after",
                    List.of("entity", "entityId", "plan", "since", "limit", "offset"), null, READ)
                    .listing(Views.AuditJson.class),
            new Op("get", "/api/v1/jobs", "jobs", "List scheduled jobs", List.of(), null, READ),
            new Op("post", "/api/v1/jobs/{name}/run", "jobs", "Run a job now", List.of(), null,
                    List.of(200, 401, 403, 404, 409)),
            // Reminders (issue 4)
            new Op("get", "/api/v1/reminders", "reminders", "Reminders: scheduled (the next 20 working days), sent, "
                    + "failed or noted", List.of("status", "owner"), null, READ),
            new Op("get", "/api/v1/reminders/report-missing", "reminders", "Milestones marked \"report missing\" "
                    + "after escalation", List.of(), null, READ),
            new Op("get", "/api/v1/plans/{id}/reminder-policy", "reminders", "A plan's reminder policy", List.of(),
                    null, READ),
            new Op("put", "/api/v1/plans/{id}/reminder-policy", "reminders", "Replace a plan's reminder policy; a "
                    + "field left out takes its default", List.of(), "policy", WRITE),
            // Leaders (issue 5)
            new Op("get", "/api/v1/channels", "leaders", "Leadership channels subscribed to a plan's digest",
                    List.of(), null, READ),
            new Op("post", "/api/v1/channels", "leaders", "Subscribe a Teams channel to a plan's digest (team id, "
                    + "channel id, plan, schedule)", List.of(), "channel", List.of(201, 200, 400, 401, 403, 404, 409)),
            new Op("get", "/api/v1/channels/{id}", "leaders", "One channel subscription", List.of(), null, READ),
            new Op("delete", "/api/v1/channels/{id}", "leaders", "Remove a channel subscription", List.of(), null,
                    List.of(204, 401, 403, 404)),
            new Op("post", "/api/v1/milestones/{id}/dependencies", "items", "Add a dependency edge (dependsOn); an "
                    + "edge that would make a cycle is refused", List.of(), "dependency",
                    List.of(201, 200, 400, 401, 403, 404, 409)),
            new Op("delete", "/api/v1/milestones/{id}/dependencies", "items", "Remove a dependency edge (dependsOn "
                    + "in the body or query)", List.of("dependsOn"), null, List.of(204, 400, 401, 403, 404)),
            new Op("delete", "/api/v1/milestones/{id}/dependencies/{dependsOnId}", "items", "Remove a dependency "
                    + "edge", List.of(), null, List.of(204, 400, 401, 403, 404)),
            new Op("get", "/api/v1/plans/{id}/annual-review", "leaders", "The annual review (årlig uppföljning) of "
                    + "a year: JSON, or HTML/CSV by Accept", List.of("year"), null, READ),
            new Op("post", "/api/v1/plans/{id}/annual-review", "leaders", "Take (snapshot) the annual review of a "
                    + "year", List.of("year"), null, WRITE),
            new Op("get", "/api/v1/plans/{id}/map-links", "leaders", "Links to the strategic map page and PNG",
                    List.of(), null, READ),
            new Op("get", "/plans/{id}/map", "leaders", "The strategic map as an HTML page with SVG",
                    List.of("key"), null, List.of(200, 401, 404)),
            new Op("get", "/plans/{id}/map.png", "leaders", "The strategic map as PNG", List.of("key"), null,
                    List.of(200, 401, 404)));

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    private OpenApiDocument() {
    }

    static String json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
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
        for (Op op : OPERATIONS) {
            ObjectNode path = paths.has(op.path()) ? (ObjectNode) paths.get(op.path()) : paths.putObject(op.path());
            ObjectNode operation = path.putObject(op.method());
            operation.putArray("tags").add(op.tag());
            operation.put("summary", op.summary());
            operation.put("operationId", op.method() + op.path().replaceAll("[^A-Za-z0-9]+", "_"));
            if (op.path().startsWith("/api/v1")) {
                operation.putArray("security").addObject().putArray("bearer");
            }
            ArrayNode parameters = operation.putArray("parameters");
            Matcher m = PARAM.matcher(op.path());
            while (m.find()) {
                ObjectNode p = parameters.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", m.group(1).equals("id") ? "integer" : "string");
            }
            for (String q : op.query()) {
                ObjectNode p = parameters.addObject();
                p.put("name", q);
                p.put("in", "query");
                p.put("required", false);
                p.putObject("schema").put("type", "string");
            }
            if (op.method().equals("patch") || op.method().equals("delete")) {
                ObjectNode p = parameters.addObject();
                p.put("name", "If-Match");
                p.put("in", "header");
                p.put("required", false);
                p.putObject("schema").put("type", "string");
            }
            if (op.body() != null) {
                ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content");
                ObjectNode schema = content.putObject("application/json").putObject("schema");
                if (op.body().equals("plan")) {
                    schema.put("$ref", ref(schemas, PlanJsonFormat.PlanJ.class));
                } else if (BODIES.containsKey(op.body())) {
                    schema.put("type", "object");
                    ObjectNode properties = schema.putObject("properties");
                    BODIES.get(op.body()).forEach((field, type) -> simple(properties.putObject(field), type));
                } else {
                    schema.put("type", "object").put("description", op.body());
                }
                if (op.body().equals("plan")) {
                    content.putObject("text/csv").putObject("schema").put("type", "string")
                            .put("description", "columns: " + String.join(", ", PlanCsvFormat.COLUMNS));
                }
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
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            node.put("$ref", ref(schemas, raw));
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            node.put("type", "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw == java.time.LocalDate.class) {
            simple(node, "date");
        } else if (raw == java.time.Instant.class) {
            node.put("type", "string").put("format", "date-time");
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
    static String swaggerPage(String swaggerVersion) {
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
}
