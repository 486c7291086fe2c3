package se.planpuls.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the Microsoft 365 Agents Playground (npm {@code @microsoft/m365agentsplayground}, pinned in
 * {@code e2e/package.json}; install with {@code npm ci} in {@code e2e/}) against a bot endpoint,
 * speaks to the bot as a Teams user through the playground's own HTTP API, and reads what went
 * both ways from the playground's log file. See {@code e2e/PLAYGROUND.md} for the facts behind it.
 *
 * <pre>{@code
 * try (Playground pg = Playground.start("http://localhost:" + botPort + "/api/messages")) {
 *     pg.sendAsUser(pg.personalChatId(), pg.currentUser().id(), "hello");
 *     Playground.Activity reply = pg.awaitBotActivity(a -> "echo: hello".equals(a.text()), Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class Playground implements AutoCloseable {

    /** Which way an activity went, as the playground logged it. */
    public enum Direction {
        /** Playground ("Microsoft 365 Agents Playground") to the bot ("User Application"). */
        TO_BOT,
        /** Bot to the playground's connector: sends, replies, updates, and also member/team look-ups. */
        FROM_BOT
    }

    /** A user of the mock tenant. {@code id} ("user-id-0") is what the bot sees as {@code from.id}. */
    public record User(String id, String name, String email, String userPrincipalName, String aadObjectId) {}

    /**
     * What posting a message returned. {@code messageId} is the playground's id of the user's message
     * (not the activity id the bot receives). {@code conversationId} is the conversation the bot sees:
     * for a channel post it is the new thread, {@code <channel id>;messageid=<messageId>}.
     */
    public record Posted(String messageId, String conversationId) {}

    /**
     * One logged exchange with the bot.
     *
     * @param id for {@link Direction#FROM_BOT} the playground's message id (the id the bot got back
     *     from the connector; use it as {@code replyToId} in {@link #submitCard}); for
     *     {@link Direction#TO_BOT} the id of the activity the bot received
     * @param name the log's {@code activityName}: the activity type ("message", "typing", ...) or,
     *     for connector look-ups, e.g. "getConversationMember"
     * @param status the HTTP status answered: 201 for a new bot message, 200 for an update (PUT)
     * @param body the activity as sent (for FROM_BOT) or received (for TO_BOT) by the bot
     */
    public record Activity(Direction direction, String name, String id, String conversationId,
                           long timestamp, int status, JsonNode body) {

        public boolean fromBot() { return direction == Direction.FROM_BOT; }

        public boolean toBot() { return direction == Direction.TO_BOT; }

        /** The activity's {@code type}; null for connector look-ups (member lists and the like). */
        public String type() { return str(body, "type"); }

        public String text() { return str(body, "text"); }

        public String replyToId() { return str(body, "replyToId"); }

        /** The Action.Submit data of a card submit (TO_BOT), else null. */
        public JsonNode value() { return body.hasNonNull("value") ? body.get("value") : null; }

        public List<JsonNode> attachments() {
            List<JsonNode> list = new ArrayList<>();
            body.path("attachments").forEach(list::add);
            return list;
        }

        /** The content of the first Adaptive Card attachment, or null. */
        public JsonNode adaptiveCard() {
            return attachments().stream()
                    .filter(a -> "application/vnd.microsoft.card.adaptive".equals(str(a, "contentType")))
                    .map(a -> a.get("content")).findFirst().orElse(null);
        }

        /** True for a bot message that replaced an earlier one (updateActivity, HTTP PUT). */
        public boolean isUpdate() {
            return fromBot() && "message".equals(type()) && status == 200;
        }

        /** True for a new bot message (send or reply, HTTP POST). */
        public boolean isNewBotMessage() {
            return fromBot() && "message".equals(type()) && status == 201;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder()
                    .append(direction).append(' ').append(name).append(" id=").append(id)
                    .append(" conv=").append(conversationId).append(" status=").append(status);
            if (text() != null) s.append(" text=").append(quote(text()));
            if (replyToId() != null) s.append(" replyToId=").append(replyToId());
            if (value() != null) s.append(" value=").append(value());
            for (JsonNode a : attachments()) s.append(" attachment=").append(abbreviate(a.toString(), 300));
            return s.toString();
        }
    }

    private static final String BIN_NAME = "agentsplayground";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("Listening on (\\d+)");
    private static final String LOG_MARKER = "{\"logAction\":\"appendLog\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path workDir;
    private final Path logFile;
    private final Deque<String> outputTail;
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private URI baseUri;
    private JsonNode config;

    private Playground(Process process, Path workDir, Path logFile, Deque<String> outputTail) {
        this.process = process;
        this.workDir = workDir;
        this.logFile = logFile;
        this.outputTail = outputTail;
        this.shutdownHook = new Thread(this::killProcessTree, "playground-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the playground with its built-in tenant for the bot at {@code botEndpoint} (e.g. http://localhost:3978/api/messages). */
    public static Playground start(String botEndpoint) {
        return start(botEndpoint, null);
    }

    /**
     * Starts the playground with the tenant, users, chats and team of {@code configFile}
     * (a {@code .m365agentsplayground.yml}; null for the built-in one), e.g. to get valid GUIDs and
     * chat ids that stay the same at every start.
     */
    public static Playground start(String botEndpoint, Path configFile) {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("No config file " + configFile.toAbsolutePath());
        }
        Path bin = locateBinary();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("playground-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path logFile = workDir.resolve("playground.log");
        ProcessBuilder pb = new ProcessBuilder(bin.toString(),
                "-e", botEndpoint, "-c", "msteams", "-p", String.valueOf(freePort()), "--disable-telemetry")
                // Its working directory is where it would look for a .m365agentsplayground.yml: keep it empty.
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("M365_AGENTS_PLAYGROUND_") || k.startsWith("TEAMSAPPTESTER_")
                || k.equals("BOT_ENDPOINT") || k.equals("SEND_INSTALLATION_ACTIVITY") || k.equals("DEFAULT_CHANNEL_ID"));
        env.put("TEAMSAPPTESTER_BROWSER", "none");
        env.put("M365_AGENTS_PLAYGROUND_LOGFILE", logFile.toString());
        if (configFile != null) {
            env.put("M365_AGENTS_PLAYGROUND_CONFIG_PATH", configFile.toAbsolutePath().toString());
        }

        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            deleteTree(workDir);
            throw new IllegalStateException("Could not start " + bin + " (is Node.js on the PATH?)", e);
        }
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process, tail, port), "playground-output");
        reader.setDaemon(true);
        reader.start();

        Playground pg = new Playground(process, workDir, logFile, tail);
        try {
            pg.awaitReady(port, System.nanoTime() + STARTUP_TIMEOUT.toNanos());
            return pg;
        } catch (RuntimeException | Error e) {
            pg.close();
            throw e;
        }
    }

    // ---- configuration (read once at start; chat ids are new at every start) ----

    /** The whole {@code config} object of GET /_internal/v1/config. */
    public JsonNode config() { return config; }

    public URI baseUri() { return baseUri; }

    /** The mock connector's URL, as the bot receives it in {@code serviceUrl}. */
    public String serviceUrl() { return baseUri + "/_connector"; }

    public Path logFile() { return logFile; }

    public String tenantId() { return config.path("tenantId").asText(); }

    public String botId() { return config.path("bot").path("id").asText(); }

    public String botName() { return config.path("bot").path("name").asText(); }

    /** Alex Wilber (user-id-0): every message posted through the playground reaches the bot from this user. */
    public User currentUser() { return user(config.path("currentUser")); }

    /** All users of the tenant, the current user first. */
    public List<User> users() {
        List<User> users = new ArrayList<>();
        users.add(currentUser());
        config.path("users").forEach(u -> users.add(user(u)));
        return users;
    }

    public User user(String id) {
        return users().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No user " + id + " in " + users()));
    }

    public String personalChatId() { return config.path("personalChat").path("id").asText(); }

    /** The id of the (first) group chat. */
    public String groupChatId() { return config.path("groupChats").path(0).path("id").asText(); }

    /** The id of a channel, e.g. channelId("My Team", "General") is "team-id". */
    public String channelId(String teamName, String channelName) {
        for (JsonNode team : config.path("teams")) {
            if (!team.path("name").asText().equals(teamName)) continue;
            for (JsonNode channel : team.path("channels")) {
                if (channel.path("name").asText().equals(channelName)) return channel.path("id").asText();
            }
        }
        throw new IllegalArgumentException("No channel " + teamName + "/" + channelName + " in " + config.path("teams"));
    }

    // ---- speaking to the bot ----

    /**
     * Posts a plain-text message as the UI does. In a group chat or channel the bot gets it only when
     * it is @mentioned, so the mention is added there. Note: the playground checks that {@code userId}
     * is a member of the conversation, but the bot always receives the message from the current user
     * (user-id-0); use {@link #sendCustomActivity} to speak as someone else. The bot is called after
     * this returns: wait for its answer with {@link #awaitBotActivity}.
     */
    public Posted sendAsUser(String conversationId, String userId, String text) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("from").put("id", userId);
        body.put("textFormat", "plain");
        if (conversationId.equals(personalChatId())) {
            body.put("text", text);
        } else {
            String mention = "<at>" + botName() + "</at>";
            body.put("text", text.startsWith(mention) ? text : mention + " " + text);
            ObjectNode m = body.putArray("mentions").addObject();
            m.putObject("mentioned").put("id", botId());
            m.put("text", mention);
        }
        JsonNode res = post("/_conversation/v1/conversations/" + encode(conversationId) + "/messages", body);
        String thread = res.path("postConversationId").asText(null);
        return new Posted(res.path("messageId").asText(), thread != null ? thread : conversationId);
    }

    /**
     * Submits an Adaptive Card's Action.Submit as the UI does: the bot receives a message with no
     * text, {@code value} = the given map (the UI would merge the action's data and the inputs), and
     * {@code replyToId} = {@code cardMessageId}, the {@link Activity#id()} of the bot's card message.
     * For a card in a channel thread, {@code conversationId} is the thread's id ({@link Posted#conversationId()}).
     */
    public void submitCard(String conversationId, String userId, String cardMessageId, Map<String, ?> value) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("conversation").put("id", conversationId);
        body.putObject("from").put("id", userId);
        body.put("replyToId", cardMessageId);
        body.set("value", JSON.valueToTree(value));
        post("/_conversation/v1/submit", body);
    }

    /**
     * Sends any activity to the bot through POST /_internal/v1/customActivities: the playground's
     * template for the conversation (id, timestamp, channelId, serviceUrl, recipient, conversation,
     * from = current user) with {@code fields} put over it, sent as is. E.g. a message from another
     * user: {@code Map.of("type", "message", "text", "hi", "from", Map.of("id", "user-id-1", ...))}.
     */
    public void sendCustomActivity(String conversationId, Map<String, ?> fields) {
        ObjectNode activity = (ObjectNode) get("/_internal/v1/customActivities/template?conversationId=" + encode(conversationId));
        activity.setAll((ObjectNode) JSON.valueToTree(fields));
        post("/_internal/v1/customActivities", activity);
    }

    /**
     * Sends one of the playground's ready-made Teams events to the bot, as Teams would send it: e.g.
     * {@code sendEvent("team-id", "install")} is the {@code installationUpdate} (action {@code add})
     * of the app added to the team, with the team in its channel data; {@code "botAdded"} the
     * {@code conversationUpdate} with the bot in {@code membersAdded}. Types: install, uninstall,
     * userAdded, userRemoved, botAdded, botRemoved, channelCreated, channelRenamed, channelDeleted,
     * teamRenamed, teamDeleted.
     */
    public void sendEvent(String conversationId, String type) {
        ObjectNode activity = (ObjectNode) get("/_internal/v1/customActivities/template?conversationId="
                + encode(conversationId) + "&type=" + encode(type));
        post("/_internal/v1/customActivities", activity);
    }

    // ---- reading the log ----

    /** Every exchange with the bot logged so far, in log order (a bot's reply may precede the message it answers). */
    public List<Activity> activities() {
        List<String> lines;
        try {
            lines = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Activity> result = new ArrayList<>();
        for (String line : lines) {
            int at = line.indexOf(LOG_MARKER);
            if (at < 0) continue;
            JsonNode log;
            try {
                log = JSON.readTree(line.substring(at)).path("log");
            } catch (IOException e) {
                continue; // a line still being written: read again on the next poll
            }
            if (!"bot".equals(log.path("type").asText()) || !log.has("request")) continue;
            Direction direction = "User Application".equals(log.path("from").asText()) ? Direction.FROM_BOT : Direction.TO_BOT;
            result.add(new Activity(direction, log.path("activityName").asText(null), log.path("messageId").asText(null),
                    log.path("conversationId").asText(null), log.path("timestamp").asLong(),
                    log.path("response").path("statusCode").asInt(), log.path("request").path("body")));
        }
        return result;
    }

    /** Waits for a bot→user activity (message, typing, update; not a look-up) matching {@code predicate}. */
    public Activity awaitBotActivity(Predicate<Activity> predicate, Duration timeout) {
        return awaitActivity(a -> a.fromBot() && a.type() != null && predicate.test(a), timeout);
    }

    /** Waits for any logged activity, either way, matching {@code predicate}; fails with all activities seen. */
    public Activity awaitActivity(Predicate<Activity> predicate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Activity> seen = activities();
            for (Activity a : seen) {
                if (predicate.test(a)) return a;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No matching activity within " + timeout + ". Activities seen ("
                        + seen.size() + "):" + seen.stream().map(a -> "\n  " + a).collect(Collectors.joining()));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The playground exited (" + process.exitValue() + ")" + diagnostics());
            }
            sleep(100);
        }
    }

    // ---- lifecycle ----

    @Override
    public void close() {
        killProcessTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        deleteTree(workDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    private void killProcessTree() {
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList()); // before the root dies
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, Duration.ofSeconds(5))) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(5));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : handles) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException ignored) {
                // exited
            }
        }
        return true;
    }

    private void awaitReady(CompletableFuture<Integer> port, long deadline) {
        // It prints "Listening on N" on stdout (only when stdout is not a terminal); N can differ from -p if that port was taken.
        int p;
        try {
            p = port.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("The playground did not report its port"
                    + (process.isAlive() ? "" : " and exited (" + process.exitValue() + ")") + diagnostics());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the playground", e);
        }
        baseUri = URI.create("http://localhost:" + p);
        while (true) {
            try {
                HttpResponse<String> pong = http.send(HttpRequest.newBuilder(baseUri.resolve("/_debug/ping"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (pong.statusCode() == 200) break;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the playground", e);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The playground did not answer GET /_debug/ping at " + baseUri
                        + (process.isAlive() ? "" : "; it exited (" + process.exitValue() + ")") + diagnostics());
            }
            sleep(100);
        }
        // Reading the config makes the playground probe the bot endpoint (HEAD, waiting up to 15 s for it to listen).
        config = get("/_internal/v1/config").path("config");
    }

    private String diagnostics() {
        String out;
        synchronized (outputTail) {
            out = String.join("\n", outputTail);
        }
        String log;
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
            log = lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                    .map(l -> abbreviate(l, 500)).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            log = "(unreadable: " + e + ")";
        }
        return "\n--- playground stdout/stderr (tail) ---\n" + out + "\n--- " + logFile + " (tail) ---\n" + log;
    }

    private static void pump(Process process, Deque<String> tail, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 200) tail.removeFirst();
                }
                Matcher m = LISTENING.matcher(line);
                if (!port.isDone() && m.find()) port.complete(Integer.parseInt(m.group(1)));
            }
        } catch (IOException ignored) {
            // stream closed when the process dies
        }
        port.completeExceptionally(new IllegalStateException("playground output ended"));
    }

    // ---- helpers ----

    private static Path locateBinary() {
        String override = System.getProperty("playground.bin");
        if (override != null) return Path.of(override);
        String name = System.getProperty("os.name").startsWith("Windows") ? BIN_NAME + ".cmd" : BIN_NAME;
        // Surefire runs with the e2e module as working directory; an IDE may use the repository root.
        for (Path dir : List.of(Path.of("node_modules", ".bin"), Path.of("e2e", "node_modules", ".bin"))) {
            Path bin = dir.resolve(name).toAbsolutePath();
            if (Files.isExecutable(bin)) return bin;
        }
        throw new IllegalStateException("Agents Playground not installed: no node_modules/.bin/" + name + " under "
                + Path.of("").toAbsolutePath() + ". Run `npm ci` in the e2e directory first.");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).GET(), "GET " + path);
    }

    private JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST " + path + " " + body);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> res = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " answered " + res.statusCode() + ": " + res.body());
            }
            return res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private static User user(JsonNode u) {
        // The playground's config spells it "userPrincipleName"; the connector's member API says "userPrincipalName".
        return new User(u.path("id").asText(), u.path("name").asText(), u.path("email").asText(null),
                u.path("userPrincipleName").asText(u.path("userPrincipalName").asText(null)), u.path("aadObjectId").asText(null));
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quote(String s) {
        return '"' + abbreviate(s, 200).replace("\n", "\\n") + '"';
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
