package se.planpuls.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The service's meters, kept in Prometheus form for {@code GET /metrics}. Every name carries the
 * {@code planpuls_} prefix: the service's own meters are named so, the connection pool's
 * ({@code hikaricp.*}) become {@code planpuls_db_pool_*} and the JVM's are prefixed as they are. One
 * registry per app, never a global one, so several apps in one JVM (tests) keep their counts apart.
 */
public final class Metrics implements AutoCloseable {
    static final String PREFIX = "planpuls.";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    public static Metrics prometheus() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.withName(prefixed(id.getName()));
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        var gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new Metrics(registry, gc);
    }

    static String prefixed(String name) {
        if (name.startsWith(PREFIX)) {
            return name;
        }
        if (name.startsWith("hikaricp.")) {
            return PREFIX + "db.pool." + name.substring("hikaricp.".length());
        }
        return PREFIX + name;
    }

    /** Where the other modules record (the bot, the scheduler, the database pool). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
