package se.planpuls.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Teams connector (the service URL of incoming activities): records every
 * call the bot makes and answers as the real connector does.
 */
final class FakeConnector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final List<String> roster = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refusedChats = new ConcurrentHashMap<>();
    private volatile int pageSize = 2;
    private final AtomicInteger ids = new AtomicInteger();

    FakeConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Makes {@code GET .../members/{userId}} answer with this roster entry. */
    void member(String userId, String name, String email, String aadObjectId) {
        members.put(userId, JSON.createObjectNode().put("id", userId).put("name", name).put("email", email)
                .put("userPrincipalName", email).put("aadObjectId", aadObjectId).toString());
    }

    /** Adds a member to every team's roster ({@code GET .../pagedmembers}), answered a few at a time. */
    void rosterMember(String userId, String name, String email, String aadObjectId) {
        roster.add(JSON.createObjectNode().put("id", userId).put("name", name).put("email", email)
                .put("userPrincipalName", email).put("aadObjectId", aadObjectId).put("userRole", "user").toString());
    }

    void rosterPageSize(int size) {
        pageSize = size;
    }

    /** Makes creating a 1:1 chat with this user fail with {@code status}. */
    void refuseChatWith(String userId, int status) {
        refusedChats.put(userId, status);
    }

    /** The bodies of the conversations the bot created (1:1 chats and channel posts). */
    List<JsonNode> created() {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().endsWith("/v3/conversations"))
                .map(Call::body).toList();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The activities the bot sent (posts and replies), in order. */
    List<JsonNode> sent() {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().contains("/activities"))
                .map(Call::body).toList();
    }

    List<Call> updates() {
        return calls.stream().filter(c -> c.method().equals("PUT")).toList();
    }

    void clear() {
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        JsonNode parsed = body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        calls.add(new Call(method, path, parsed));
        String answer;
        int status = 200;
        if (method.equals("GET") && path.endsWith("/pagedmembers")) {
            String query = exchange.getRequestURI().getQuery();
            int from = query != null && query.contains("continuationToken=")
                    ? Integer.parseInt(query.substring(query.indexOf("continuationToken=") + 18).split("&")[0]) : 0;
            int to = Math.min(roster.size(), from + pageSize);
            var page = JSON.createObjectNode();
            var list = page.putArray("members");
            roster.subList(from, to).forEach(m -> {
                try {
                    list.add(JSON.readTree(m));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (to < roster.size()) {
                page.put("continuationToken", String.valueOf(to));
            }
            answer = page.toString();
        } else if (method.equals("POST") && path.endsWith("/v3/conversations")
                && refusedChats.containsKey(parsed.path("members").path(0).path("id").asText())) {
            status = refusedChats.get(parsed.path("members").path(0).path("id").asText());
            answer = "{\"error\":{\"code\":\"Forbidden\",\"message\":\"refused\"}}";
        } else if (method.equals("POST") && path.endsWith("/v3/conversations")) {
            answer = "{\"id\":\"a:chat-" + ids.incrementAndGet() + "\"}";
        } else if (method.equals("GET") && path.contains("/members/")) {
            String user = java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            answer = members.get(user);
            if (answer == null) {
                status = 404;
                answer = "{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"not found\"}}";
            }
        } else if (method.equals("PUT")) {
            answer = "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}";
        } else {
            answer = "{\"id\":\"activity-" + ids.incrementAndGet() + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Call(String method, String path, JsonNode body) {
    }
}
