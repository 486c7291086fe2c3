package se.planpuls.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Bot Framework connector that enforces Teams' send limits the way Teams does: more than
 * {@code perConversation} sends to one conversation, or more than {@code overall} sends in all, within
 * any one second earns a 429 with {@code Retry-After: 1}. For load runs, not for {@code mvn verify}.
 */
final class TeamsLimitedConnector implements AutoCloseable {
    private static final long SECOND = 1_000_000_000L;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final int perConversation;
    private final int overall;
    private final Deque<Long> recent = new ArrayDeque<>();
    private final Map<String, Deque<Long>> recentPerConversation = new HashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private int mostInOneSecond;
    private long firstAccepted;
    private long lastAccepted;

    TeamsLimitedConnector(int perConversation, int overall) throws IOException {
        // Without TCP_NODELAY the JDK's server adds ~40 ms (delayed ACKs) to each small answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.perConversation = perConversation;
        this.overall = overall;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    int accepted() {
        return accepted.get();
    }

    int throttled() {
        return throttled.get();
    }

    synchronized int mostInOneSecond() {
        return mostInOneSecond;
    }

    /** From the first accepted send to the last, in seconds. */
    synchronized double acceptingSeconds() {
        return (lastAccepted - firstAccepted) / 1e9;
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        if ("POST".equals(exchange.getRequestMethod()) && path.contains("/activities")) {
            String conversation = path.replaceFirst(".*/conversations/", "").replaceFirst("/activities.*", "");
            status = admit(conversation, System.nanoTime()) ? 200 : 429;
        }
        byte[] body = (status == 200 ? "{\"id\":\"activity-" + ids.incrementAndGet() + "\"}"
                : "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private synchronized boolean admit(String conversation, long now) {
        trim(recent, now);
        Deque<Long> mine = recentPerConversation.computeIfAbsent(conversation, c -> new ArrayDeque<>());
        trim(mine, now);
        if (recent.size() >= overall || mine.size() >= perConversation) {
            throttled.incrementAndGet();
            return false;
        }
        recent.addLast(now);
        mine.addLast(now);
        mostInOneSecond = Math.max(mostInOneSecond, recent.size());
        if (accepted.getAndIncrement() == 0) {
            firstAccepted = now;
        }
        lastAccepted = now;
        return true;
    }

    private static void trim(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= SECOND) {
            times.removeFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
