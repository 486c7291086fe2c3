package se.planpuls.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import se.planpuls.api.ApiClient;
import se.planpuls.api.RunningApp;
import se.planpuls.db.TestDatabases;

/**
 * Generated hostile input at everything a client can write to, on H2 and PostgreSQL alike: every
 * write route of the OpenAPI document, the plan import as JSON and CSV, the bot endpoint with
 * malformed activities and the bot's commands. 10,000 inputs, each sent to every database. Whatever
 * is sent: never a 5xx, every refusal a problem+json naming a field, and a refused request changes
 * no row (a dump of the database before and after is the same). The seed is fixed so that a
 * failure reproduces; jqwik prints the shrunk request that failed, and what once failed joins the
 * corpus ({@code hostile/corpus.jsonl}) that every run replays.
 */
class HostileInputPropertyTest {
    private static final String SEED = "20261207";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CSV_SEED = RunningApp.resource("/plans/orebro-uppdrag-2024.csv");
    private static final String JSON_SEED = RunningApp.resource("/plans/sodra-verksamhetsplan-2022-2023.json");
    private static final String OWNER_AAD = "7d0c1e2a-5b6c-4d7e-8f90-a1b2c3d4e5f6";

    private static final List<Target> targets = new ArrayList<>();
    private static final ExecutorService PARALLEL = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "hostile-input");
        thread.setDaemon(true);
        return thread;
    });
    private static final List<WriteRoute> writes = new ArrayList<>();
    private static HttpServer connector;

    /** One running service on one database, with the dump of what it held after the last accepted request. */
    private static final class Target {
        final String name;
        final RunningApp running;
        String dump;

        Target(String name, RunningApp running) {
            this.name = name;
            this.running = running;
        }

        String dumpNow() {
            return TestDatabases.dump(running.app().database());
        }
    }

    record WriteRoute(String method, String path, List<String> fields, List<String> query) {
    }

    /** One generated request; its text is what jqwik shows for a failing sample. */
    record Request(String method, String path, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…(" + body.length()
                    + " chars)" : body;
            return method + " " + path + " " + headers + "\n" + shown;
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        connector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        connector.setExecutor(Executors.newFixedThreadPool(4));
        connector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = exchange.getRequestURI().getPath().contains("/members") ? 404 : 201;
            byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        connector.start();
        for (TestDatabases.Kind kind : TestDatabases.kinds().toList()) {
            var running = RunningApp.on(kind, Files.createTempDirectory("planpuls-hostile"));
            // An owner the bot knows, with a milestone, so that commands and cards reach the report flow.
            long owner = running.api.post("/api/v1/owners", "{\"name\":\"Anna Berg\",\"email\":\"anna@example.com\","
                    + "\"aadObjectId\":\"" + OWNER_AAD + "\",\"admin\":true}").json().path("id").asLong();
            running.api.patch("/api/v1/milestones/24", "{\"ownerId\":" + owner + "}");
            var target = new Target(kind.name(), running);
            send(target, activity("hjälp"));
            target.dump = target.dumpNow();
            targets.add(target);
        }
        JsonNode paths = targets.get(0).running.api.send("GET", "/openapi.json", null, null).json().path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = paths.path(path).path(method);
                if (operation.isMissingNode() || path.equals("/api/messages")) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                operation.path("requestBody").path("content").path("application/json").path("schema")
                        .path("properties").fieldNames().forEachRemaining(fields::add);
                List<String> query = new ArrayList<>();
                operation.path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("query")) {
                        query.add(p.path("name").asText());
                    }
                });
                writes.add(new WriteRoute(method.toUpperCase(java.util.Locale.ROOT), path, fields, query));
            }
        }
        assertThat(writes).as("the document's write routes").hasSizeGreaterThan(10);
    }

    @AfterContainer
    static void stop() {
        targets.forEach(t -> t.running.close());
        targets.clear();
        writes.clear();
        if (connector != null) {
            connector.stop(0);
        }
    }

    @Property(tries = 5000, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void no_write_route_fails_or_half_writes_whatever_it_is_sent(@ForAll("writeRequests") Request request) {
        check(request);
    }

    @Property(tries = 1000, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void no_json_plan_file_fails_or_half_imports(@ForAll("jsonImports") Request request) {
        check(request);
    }

    @Property(tries = 1000, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void no_csv_plan_file_fails_or_half_imports(@ForAll("csvImports") Request request) {
        check(request);
    }

    @Property(tries = 2000, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void no_activity_fails_the_bot_endpoint(@ForAll("activities") Request request) {
        check(request);
    }

    @Property(tries = 1000, seed = SEED, edgeCases = EdgeCasesMode.NONE)
    void no_bot_command_fails_whatever_its_arguments(@ForAll("commands") Request request) {
        check(request);
    }

    /**
     * The corpus: what the issue reported and what this test once found (an invoke no handler takes,
     * a locale that is no language tag, subscribing in a personal chat), replayed on every run.
     */
    @Example
    void the_corpus_of_known_hostile_inputs_holds_the_invariant() throws IOException {
        List<String> lines = RunningApp.resource("/hostile/corpus.jsonl").lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            Map<String, String> headers = new HashMap<>();
            entry.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            String body = entry.path("body").isNull() ? null : entry.path("body").asText()
                    .replace("{connector}", String.valueOf(connector.getAddress().getPort()));
            check(new Request(entry.path("method").asText(), entry.path("path").asText(), headers, body));
        }
    }

    // ---------------------------------------------------------------- the invariant

    /** Sends the request to every database at once, then holds the invariant on each answer. */
    private static void check(Request request) {
        List<CompletableFuture<String[]>> sent = targets.stream().map(target -> CompletableFuture.supplyAsync(() -> {
            ApiClient.Response response = send(target, request);
            return new String[] {String.valueOf(response.status()), response.contentType(), response.body(),
                target.dumpNow()};
        }, PARALLEL)).toList();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String[] answer = sent.get(i).join();
            int status = Integer.parseInt(answer[0]);
            String before = target.dump;
            // The next request is compared with what this one left, whatever the outcome.
            target.dump = answer[3];
            String on = target.name + ": " + request + "\n→ " + status + " " + answer[2];
            assertThat(status).as(on).isLessThan(500);
            if (status >= 400) {
                assertThat(answer[1]).as(on).startsWith("application/problem+json");
                assertThat(field(answer[2])).as(on).isNotBlank();
                assertThat(answer[3]).as("a refused request changed nothing; " + on).isEqualTo(before);
            }
        }
    }

    private static String field(String problem) {
        try {
            return JSON.readTree(problem).path("errors").path(0).path("field").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static ApiClient.Response send(Target target, Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        String bearer = request.path.startsWith("/api/v1") ? RunningApp.TOKEN : null;
        return target.running.api.send(request.method(), request.path(), request.body(), bearer, headers);
    }

    // ---------------------------------------------------------------- values

    /** Text as people and attackers write it: Swedish, formulas, markup, control characters, odd Unicode, very long. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(3, Arbitraries.of("Åtgärd för äldre", "=cmd|' /C calc'!A0", "\t=1+1", "<b>x</b>",
                        "MED-1", "DIG-4", "anna@example.com", "", " ", "'", "\"", "\\", "null", "2026-12-31",
                        "2026-02-30", "\u0000", "a\u0000b", "\u202Eevil", "🟢🟡🔴", "\uD83D", "\uFEFFx", "%00", "../../etc")),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(30)),
                Tuple.of(1, Arbitraries.integers().between(500, 30_000).map("x"::repeat)));
    }

    private static Arbitrary<JsonNode> value(int depth) {
        List<Arbitrary<JsonNode>> leaves = List.of(
                text().map(NODES::textNode),
                Arbitraries.of(0L, -1L, 1L, 24L, 27L, 999_999L, Integer.MAX_VALUE + 1L, Long.MAX_VALUE).map(NODES::numberNode),
                Arbitraries.of(1.5, -0.0, 1e300).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(leaves);
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(3).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(text(), value(depth - 1)).as((k, v) -> {
            ObjectNode node = NODES.objectNode();
            node.set(k, v);
            return (JsonNode) node;
        });
        return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(1, array),
                Tuple.of(1, object));
    }

    private static Arbitrary<String> pathId() {
        return Arbitraries.of("1", "2", "24", "27", "999999", "0", "-1", "abc", "1.5", "99999999999999999999", "%C3%A5",
                "weekly-check-in", "reach-owners", "no-such-job");
    }

    private static Arbitrary<Map<String, String>> headers() {
        return Arbitraries.of(Map.of(), Map.of(), Map.of("If-Match", "\"1\""), Map.of("If-Match", "W/\"1\""),
                Map.of("If-Match", "\"999\", \"1\""), Map.of("If-Match", "*"), Map.of("If-Match", "garbage"),
                Map.of("X-Planpuls-Actor", "anna.berg@example.com"), Map.of("X-Planpuls-Actor", "Åsa Öberg\tadmin"), Map.of("X-Planpuls-Actor", "x".repeat(500)));
    }

    // ---------------------------------------------------------------- requests

    @Provide
    Arbitrary<Request> writeRequests() {
        return Arbitraries.of(writes).flatMap(route -> {
            Arbitrary<String> path = pathId().list().ofSize(3).map(ids -> {
                String p = route.path();
                for (String id : ids) {
                    p = p.replaceFirst("\\{[A-Za-z]+}", id);
                }
                return p;
            });
            Arbitrary<String> query = route.query().isEmpty() ? Arbitraries.just("")
                    : Combinators.combine(Arbitraries.of(route.query()), text()).as((name, value) -> "?" + name + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)).injectNull(0.5).map(q -> q == null ? "" : q);
            Arbitrary<String> fieldsBody = route.fields().isEmpty() ? Arbitraries.just("{}")
                    : Arbitraries.subsetOf(route.fields()).flatMap(chosen -> value(2).list().ofSize(chosen.size())
                    .map(values -> {
                        ObjectNode body = NODES.objectNode();
                        int i = 0;
                        for (String field : chosen) {
                            body.set(field, values.get(i++));
                        }
                        return body.toString();
                    }));
            Arbitrary<String> body = Arbitraries.frequencyOf(Tuple.of(6, fieldsBody),
                    Tuple.of(1, value(2).map(JsonNode::toString)), Tuple.of(1, text()),
                    Tuple.of(1, Arbitraries.just((String) null)));
            return Combinators.combine(path, query, headers(), body)
                    .as((p, q, h, b) -> new Request(route.method(), p + q, h, b));
        });
    }

    record Mutation(int at, int cut, String insert) {
        String apply(String text) {
            int start = Math.min(at, text.length());
            int end = Math.min(text.length(), start + cut);
            return text.substring(0, start) + insert + text.substring(end);
        }
    }

    private static Arbitrary<String> mutated(String seed) {
        Arbitrary<String> junk = Arbitraries.oneOf(text(),
                Arbitraries.strings().withChars("\",;\n\r{}[]:|\\ 0-9'=\u0000\uFEFF").ofMaxLength(8));
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, seed.length()),
                Arbitraries.integers().between(0, 40), junk).as(Mutation::new);
        return one.list().ofMinSize(0).ofMaxSize(4).map(ms -> {
            // One slug for every try: an accepted file updates the same plan, so the database stays small.
            String text = seed.replace("orebro-hsn-uppdrag-2024", "prop-csv")
                    .replace("sodra-verksamhetsplan-2022-2023", "prop-json");
            for (Mutation m : ms) {
                text = m.apply(text);
            }
            return text;
        });
    }

    @Provide
    Arbitrary<Request> jsonImports() {
        return mutated(JSON_SEED).map(body -> new Request("POST", "/api/v1/plans/import",
                Map.of("Content-Type", "application/json"), body));
    }

    @Provide
    Arbitrary<Request> csvImports() {
        return Arbitraries.oneOf(mutated(CSV_SEED), mutated(CSV_SEED).map(csv -> csv.replace(',', ';')),
                mutated(CSV_SEED).map(csv -> "\uFEFF" + csv)).map(body -> new Request("POST", "/api/v1/plans/import",
                Map.of("Content-Type", "text/csv"), body));
    }

    /** A Teams activity from the owner, as a tree a property can then break. */
    private static ObjectNode activityTree(String text) {
        ObjectNode a = NODES.objectNode();
        a.put("type", "message").put("id", UUID.randomUUID().toString()).put("channelId", "msteams")
                .put("serviceUrl", "http://127.0.0.1:" + connector.getAddress().getPort() + "/").put("locale", "sv-SE");
        a.putObject("from").put("id", "29:anna").put("name", "Anna Berg").put("aadObjectId", OWNER_AAD);
        a.putObject("recipient").put("id", "28:planpuls").put("name", "Planpuls");
        a.putObject("conversation").put("id", "a:anna").put("conversationType", "personal");
        a.put("text", text);
        return a;
    }

    private static Request activity(String text) {
        return new Request("POST", "/api/messages", Map.of("Content-Type", "application/json"),
                activityTree(text).toString());
    }

    @Provide
    Arbitrary<Request> activities() {
        List<String> keys = List.of("type", "id", "channelId", "serviceUrl", "from", "recipient", "conversation",
                "text", "value", "replyToId", "locale", "timestamp", "entities", "attachments", "channelData", "name",
                "membersAdded", "action");
        Arbitrary<String> type = Arbitraries.of("message", "invoke", "conversationUpdate", "installationUpdate",
                "messageReaction", "typing", "event", "endOfConversation", "", "nonsense");
        Arbitrary<ObjectNode> cardValue = Combinators.combine(Arbitraries.of("report", "judged", "skip", "x", ""),
                value(1), value(1), value(1), value(1)).as((action, milestone, status, comment, effects) -> {
                    ObjectNode v = NODES.objectNode();
                    v.put("action", action).set("milestoneId", milestone);
                    v.set("status", status);
                    v.set("comment", comment);
                    v.set("effectsSeen", effects);
                    return v;
                });
        Arbitrary<Request> broken = Combinators.combine(type, text(), Arbitraries.of(keys).list().ofMaxSize(3),
                value(2).list().ofSize(3), cardValue, Arbitraries.integers().between(0, 3))
                .as((t, text, replaced, values, card, how) -> {
                    ObjectNode a = activityTree(text);
                    a.put("type", t);
                    if (how == 1) {
                        a.set("value", card);
                        a.remove("text");
                        a.put("replyToId", "card-1");
                    }
                    for (int i = 0; i < replaced.size(); i++) {
                        if (how == 2) {
                            a.remove(replaced.get(i));
                        } else {
                            a.set(replaced.get(i), values.get(i));
                        }
                    }
                    return new Request("POST", "/api/messages", Map.of("Content-Type", "application/json"),
                            a.toString());
                });
        Arbitrary<Request> junk = text().map(body -> new Request("POST", "/api/messages",
                Map.of("Content-Type", "application/json"), body));
        return Arbitraries.frequencyOf(Tuple.of(8, broken), Tuple.of(1, junk));
    }

    @Provide
    Arbitrary<Request> commands() {
        Arbitrary<String> command = Arbitraries.of("hjälp", "help", "mina milstolpar", "my milestones", "visa", "show",
                "rapportera", "report", "historik", "history", "snooza", "pausa", "snooze", "ersättare", "substitute",
                "ledig till", "ledig slut", "leave until", "språk", "language", "prenumerera", "subscribe",
                "<at>Planpuls</at> hjälp", "");
        Arbitrary<String> argument = Arbitraries.oneOf(text(), Arbitraries.of("MED-1", "med-1", "DIG-4", "grön", "gul",
                "röd", "green", "yellow", "red", "7", "0", "61", "-1", "2026-12-31", "2020-01-01", "9999-99-99",
                "engelska", "svenska", "ingen", "none", "anna@example.com", "ledarskapsakademi"));
        return Combinators.combine(command, argument.list().ofMaxSize(4))
                .as((c, args) -> activity((c + " " + args.stream().collect(Collectors.joining(" "))).strip()));
    }
}
