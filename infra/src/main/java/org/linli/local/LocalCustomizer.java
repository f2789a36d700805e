package org.linli.local;

/**
 * Hooks into a local cloud's start. Main finds implementations with
 * {@code ServiceLoader.load(LocalCustomizer.class)} (list them in
 * {@code META-INF/services/org.linli.local.LocalCustomizer}); embedding code passes them to the builder.
 */
public interface LocalCustomizer {
    /**
     * Before the template is resolved: put the secrets its dynamic references need, parameter
     * overrides, extra environment.
     */
    default void beforeProvision(LocalCloud.Setup setup) {}

    /**
     * After tables and queues exist, before handlers are constructed and the gateway, pollers and
     * scheduler start: seed data, add local routes.
     */
    default void afterProvision(LocalCloud cloud) {}

    /** What to tell a person once the cloud is ready (Main prints it after the {@code ready:} line). */
    default String readyMessage(LocalCloud cloud) {
        return null;
    }

    /** The cloud is closing: stop whatever this customizer started. */
    default void close() {}
}
