package se.planpuls.api.map;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import se.planpuls.api.http.AdminToken;

/**
 * Read-only capability keys for the map pages: {@code ?key=} derived from the admin token with
 * HMAC-SHA256 and the plan id. The digest card carries them so Teams (which fetches the PNG without
 * our bearer token) and leaders' browsers can open the map; a key opens one plan's map and nothing else.
 */
final class MapKeys {
    private final AdminToken token;

    MapKeys(AdminToken token) {
        this.token = token;
    }

    String key(long planId) {
        byte[] mac = Arrays.copyOf(token.hmac("planpuls-map:" + planId), 18);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    boolean valid(long planId, String presented) {
        return presented != null && MessageDigest.isEqual(key(planId).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
