package se.planpuls.api;

import java.util.function.IntSupplier;

/** Absolute links to a plan's map page and picture, carrying the plan's map key (for the digest card). */
final class MapLinks {
    private final Config config;
    private final IntSupplier port;
    private final MapKeys keys;

    MapLinks(Config config, IntSupplier port, MapKeys keys) {
        this.config = config;
        this.port = port;
        this.keys = keys;
    }

    String page(long planId) {
        return config.baseUrl(port.getAsInt()) + "/plans/" + planId + "/map?key=" + keys.key(planId);
    }

    String png(long planId) {
        return config.baseUrl(port.getAsInt()) + "/plans/" + planId + "/map.png?key=" + keys.key(planId);
    }
}
