package se.planpuls.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Planpuls in a child JVM, started as {@code java -jar} would start it ({@code Main} with an
 * environment), so a test can stop it the way an operating system does: SIGTERM (a graceful
 * shutdown) or SIGKILL (the process dies on the spot, with whatever it had not written). The
 * child runs on this test JVM's class path; its output goes to {@code service.log} in the data
 * directory, which a failing test can show.
 *
 * <pre>{@code
 * try (var service = ServiceProcess.start(dataDir, Map.of("PLANPULS_ADMIN_TOKEN", TOKEN))) {
 *     ... service.port() ...
 *     service.kill();                      // SIGKILL
 *     var again = service.restart();       // same data directory and environment, same port
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {
    static final String MAIN_CLASS = "se.planpuls.api.app.Main";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Path dataDir, Map<String, String> environment, int port, Process process) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = port;
        this.process = process;
    }

    /** Starts the service on a free port with its data in {@code dataDir}, and waits for {@code /health} and its
     * log line saying it is up. */
    public static ServiceProcess start(Path dataDir, Map<String, String> environment) {
        return start(dataDir, environment, freePort());
    }

    private static ServiceProcess start(Path dataDir, Map<String, String> environment, int port) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", String.valueOf(port));
        env.putIfAbsent("PLANPULS_DATA_DIR", dataDir.toString());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("service.log");
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
            builder.environment().putAll(env);
            var service = new ServiceProcess(dataDir, Map.copyOf(environment), port, builder.start());
            service.awaitHealthy(logBefore);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the service", e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the service printed so far. */
    public String log() {
        try {
            Path log = dataDir.resolve("service.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the service printed after the first {@code offset} bytes of its log. */
    private String logSince(long offset) {
        try {
            byte[] log = Files.readAllBytes(dataDir.resolve("service.log"));
            return offset >= log.length ? ""
                    : new String(log, (int) offset, log.length - (int) offset, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then waits for the process to end; returns its exit code. */
    public int terminate(Duration patience) {
        process.destroy();
        return awaitExit(patience);
    }

    /** SIGKILL: the process ends at once, as after a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** A new process on the same data directory, environment and port. */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("stop the service before starting it again");
        }
        return start(dataDir, environment, port);
    }

    private int awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("the service did not stop within " + patience + "\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(long logBefore) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "\n" + log());
            }
            try {
                // Main says it is up only after /health answers; a test reads the log from then on.
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && logSince(logBefore).contains("Planpuls is up on")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not answer /health within " + START_TIMEOUT + "\n" + log());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }
}
