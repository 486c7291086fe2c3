package se.planpuls.api.map;

import java.util.function.Supplier;

/** Absolute links to a plan's map page and picture, carrying the plan's map key (for the digest card). */
final class MapLinks {
    private final Supplier<String> baseUrl;
    private final MapKeys keys;

    /** {@code baseUrl}: where Teams and leaders' browsers reach this service, asked each time (the port may be chosen at start). */
    MapLinks(Supplier<String> baseUrl, MapKeys keys) {
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    MapKeys keys() {
        return keys;
    }

    String page(long planId) {
        return baseUrl.get() + "/plans/" + planId + "/map?key=" + keys.key(planId);
    }

    /** {@code path} may carry a query already; the key is added to it. */
    String keyed(long planId, String path) {
        return baseUrl.get() + path + (path.contains("?") ? "&" : "?") + "key=" + keys.key(planId);
    }

    String png(long planId) {
        return baseUrl.get() + "/plans/" + planId + "/map.png?key=" + keys.key(planId);
    }

    String statusPng(long planId) {
        return baseUrl.get() + "/plans/" + planId + "/status.png?key=" + keys.key(planId);
    }
}
