package se.planpuls.bot;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks the Bot Framework's token on a request to the bot, as the SDK's channel validation does,
 * but cheaply first and never slowly: the header's shape, the algorithm, issuer, audience and
 * lifetime are checked before any signing key is looked at, so a bearer that is no JWT, a stranger's
 * token or an expired one is refused at once; the key is then found within a deadline. Every refusal
 * is a {@link Rejected} with a short reason that never quotes the token.
 */
final class BotAuthenticator {
    static final String ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER;
    static final Duration CLOCK_SKEW = Duration.ofMinutes(AuthenticationConstants.DEFAULT_CLOCKSKEW_MINUTES);
    /** How long a request may wait for the signing keys before it is refused. */
    static final Duration KEY_DEADLINE = Duration.ofMillis(700);
    private static final int MAX_HEADER = 16 * 1024;

    private final String appId;
    private final OpenIdKeys keys;
    private final Clock clock;

    BotAuthenticator(String appId, OpenIdKeys keys, Clock clock) {
        this.appId = appId;
        this.keys = keys;
        this.clock = clock;
    }

    /** A refused request, with the reason to log (never the token itself). */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Rejected(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** The caller's identity, or a future failed with {@link Rejected}. */
    CompletableFuture<ClaimsIdentity> authenticate(String authorization, Activity activity) {
        DecodedJWT token;
        try {
            token = screen(authorization);
        } catch (Rejected rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
        return keys.key(token.getKeyId())
                .completeOnTimeout(null, KEY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(key -> {
                    if (key == null) {
                        throw new Rejected("the signing keys could not be read in time");
                    }
                    return verify(token, key.orElseThrow(() -> new Rejected("unknown signing key")), activity);
                });
    }

    /** Everything that can be judged without a signing key. */
    private DecodedJWT screen(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new Rejected("no Authorization header");
        }
        if (authorization.length() > MAX_HEADER) {
            throw new Rejected("Authorization header longer than 16 KiB");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Rejected("not a Bearer token");
        }
        DecodedJWT token;
        try {
            token = JWT.decode(authorization.substring(7).strip());
        } catch (JWTDecodeException | IllegalArgumentException e) {
            throw new Rejected("the bearer token is not a JWT");
        }
        if (!"RS256".equals(token.getAlgorithm())) {
            throw new Rejected("token algorithm is not RS256");
        }
        if (!ISSUER.equals(token.getIssuer())) {
            throw new Rejected("token not issued by the Bot Framework");
        }
        List<String> audience = token.getAudience();
        if (audience == null || !audience.contains(appId)) {
            throw new Rejected("token not meant for this bot");
        }
        Instant now = clock.instant();
        if (token.getExpiresAt() == null || token.getExpiresAt().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new Rejected("token expired");
        }
        if (token.getNotBefore() != null && token.getNotBefore().toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new Rejected("token not yet valid");
        }
        if (token.getKeyId() == null || token.getKeyId().isBlank()) {
            throw new Rejected("token names no signing key");
        }
        return token;
    }

    private ClaimsIdentity verify(DecodedJWT token, OpenIdKeys.Key key, Activity activity) {
        try {
            JWT.require(Algorithm.RSA256(key.publicKey(), null))
                    .withIssuer(ISSUER)
                    .withAudience(appId)
                    .acceptLeeway(CLOCK_SKEW.toSeconds())
                    .build()
                    .verify(token);
        } catch (JWTVerificationException e) {
            throw new Rejected("token signature or claims invalid");
        }
        Instant now = clock.instant();
        if (!key.validAt(now.plus(CLOCK_SKEW)) && !key.validAt(now.minus(CLOCK_SKEW))) {
            throw new Rejected("signing certificate not valid now");
        }
        String channel = activity.getChannelId();
        if (channel == null || !key.endorsements().contains(channel)) {
            throw new Rejected("signing key not endorsed for channel " + printable(channel));
        }
        String serviceUrl = token.getClaim(AuthenticationConstants.SERVICE_URL_CLAIM).asString();
        if (serviceUrl == null || activity.getServiceUrl() == null
                || !serviceUrl.toLowerCase(Locale.ROOT).equals(activity.getServiceUrl().toLowerCase(Locale.ROOT))) {
            throw new Rejected("token's serviceurl does not match the activity");
        }
        return new ClaimsIdentity(token);
    }

    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
