package se.planpuls.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's token signing keys, read from its OpenID configuration and kept for a day.
 * Unlike the SDK's own cache, no request ever blocks a thread on the network: a fetch runs on the
 * JDK's HTTP client with short timeouts, at most one at a time, and after a failure not again for
 * a minute, so a closed network or a flood of tokens with unknown key ids cannot pile up work. A
 * failure is logged once, not per request.
 */
final class OpenIdKeys {
    static final String BOT_FRAMEWORK = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    private static final Logger LOG = LoggerFactory.getLogger(OpenIdKeys.class);
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    private static final Duration REFRESH_FOR_UNKNOWN_KEY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_DOCUMENT = 1024 * 1024;

    /** A signing key, the channels it is endorsed for, and its certificate's validity when it has one. */
    record Key(RSAPublicKey publicKey, List<String> endorsements, Instant notBefore, Instant notAfter) {
        boolean validAt(Instant instant) {
            return (notBefore == null || !instant.isBefore(notBefore)) && (notAfter == null || !instant.isAfter(notAfter));
        }
    }

    private final URI metadata;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private Map<String, Key> keys = Map.of();
    private Instant loadedAt;
    private Instant lastAttempt;
    private boolean failing;
    private CompletableFuture<Void> fetching;

    OpenIdKeys(String metadataUrl, Clock clock) {
        this.metadata = URI.create(metadataUrl == null || metadataUrl.isBlank() ? BOT_FRAMEWORK : metadataUrl);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Starts reading the keys so the first request from Teams finds them ready. */
    void warmUp() {
        refresh(true);
    }

    /**
     * The key with this id: at once when known; otherwise after a refresh, if one may run now. The
     * future never fails: an unreachable key service gives an empty key.
     */
    CompletableFuture<Optional<Key>> key(String keyId) {
        CompletableFuture<Void> refresh;
        synchronized (this) {
            Key known = fresh() ? keys.get(keyId) : null;
            if (known != null) {
                return CompletableFuture.completedFuture(Optional.of(known));
            }
            refresh = refresh(!fresh() || !keys.containsKey(keyId));
        }
        return refresh.handle((done, error) -> {
            synchronized (this) {
                return Optional.ofNullable(keys.get(keyId));
            }
        });
    }

    private boolean fresh() {
        return loadedAt != null && loadedAt.plus(KEEP).isAfter(clock.instant());
    }

    /** The running fetch, a new one when allowed, or a completed future when a fetch may not run yet. */
    private synchronized CompletableFuture<Void> refresh(boolean wanted) {
        if (fetching != null) {
            return fetching;
        }
        Instant now = clock.instant();
        Duration pause = failing ? RETRY_AFTER_FAILURE : fresh() ? REFRESH_FOR_UNKNOWN_KEY : Duration.ZERO;
        if (!wanted || lastAttempt != null && lastAttempt.plus(pause).isAfter(now)) {
            return CompletableFuture.completedFuture(null);
        }
        lastAttempt = now;
        CompletableFuture<Void> fetch;
        try {
            fetch = get(metadata).thenCompose(config -> {
                String jwks = config.path("jwks_uri").asText("");
                if (!jwks.startsWith("https://") && !jwks.startsWith("http://")) {
                    throw new IllegalStateException("the OpenID configuration names no jwks_uri");
                }
                return get(URI.create(jwks));
            }).thenAccept(this::load);
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> running = fetch.whenComplete((done, error) -> finished(error));
        // A fetch that failed at once has already been finished; only one still running is shared.
        if (!running.isDone()) {
            fetching = running;
        }
        return running;
    }

    private synchronized void finished(Throwable error) {
        fetching = null;
        if (error == null) {
            if (failing) {
                LOG.info("Bot Framework signing keys read again from {}", metadata);
            }
            failing = false;
        } else if (!failing) {
            failing = true;
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            LOG.warn("Could not read the Bot Framework's signing keys from {} ({}); requests from Teams are "
                    + "refused until they can be read; trying again at most once a minute", metadata, cause.toString());
        }
    }

    private CompletableFuture<JsonNode> get(URI uri) {
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            if (response.body().length > MAX_DOCUMENT) {
                throw new IllegalStateException(uri + " answered more than 1 MiB");
            }
            try {
                return json.readTree(response.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(uri + " answered no JSON", e);
            }
        });
    }

    private void load(JsonNode jwks) {
        Map<String, Key> loaded = new HashMap<>();
        for (JsonNode jwk : jwks.path("keys")) {
            String kid = jwk.path("kid").asText(null);
            if (kid == null || !"RSA".equals(jwk.path("kty").asText())) {
                continue;
            }
            try {
                loaded.put(kid, key(jwk));
            } catch (RuntimeException | java.security.GeneralSecurityException e) {
                LOG.warn("Skipped Bot Framework signing key {}: {}", kid, e.toString());
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("the key set holds no RSA keys");
        }
        synchronized (this) {
            keys = Map.copyOf(loaded);
            loadedAt = clock.instant();
        }
    }

    private static Key key(JsonNode jwk) throws java.security.GeneralSecurityException {
        var decoder = Base64.getUrlDecoder();
        var modulus = new BigInteger(1, decoder.decode(jwk.path("n").asText()));
        var exponent = new BigInteger(1, decoder.decode(jwk.path("e").asText()));
        var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        List<String> endorsements = new ArrayList<>();
        jwk.path("endorsements").forEach(e -> endorsements.add(e.asText()));
        Instant notBefore = null;
        Instant notAfter = null;
        JsonNode chain = jwk.path("x5c");
        if (chain.isArray() && !chain.isEmpty()) {
            X509Certificate certificate = certificate(chain.get(0).asText());
            notBefore = certificate.getNotBefore().toInstant();
            notAfter = certificate.getNotAfter().toInstant();
        }
        return new Key(publicKey, List.copyOf(endorsements), notBefore, notAfter);
    }

    private static X509Certificate certificate(String base64) throws CertificateException {
        byte[] der = Base64.getDecoder().decode(base64);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
