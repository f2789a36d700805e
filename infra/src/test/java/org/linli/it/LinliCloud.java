package org.linli.it;

import java.time.Clock;
import java.time.Instant;
import org.linli.local.LocalClock;
import org.linli.local.LocalCloud;
import org.linli.local.TemplateLocator;
import org.linli.local.TestClouds;
import org.linli.tools.LocalSetup;
import org.linli.tools.bench.CallCounter;

/** The real template's local cloud, with the demo territory, started once per JVM on the shared backend. */
public final class LinliCloud {
    /**
     * When the integration tests run, whatever the hour they are started at: Wednesday 18 November 2026,
     * 10:00 in Beijing - mid-morning, mid-week, mid-month, so that no "yesterday", "this month" or
     * "three hours ago" of a test falls on another day or month than the one it means.
     */
    public static final Instant START = Instant.parse("2026-11-18T02:00:00Z");
    /** The clock of the shared cloud and of the suites' own clouds: it starts at {@link #START} and ticks; tests move it. */
    public static final LocalClock CLOCK = LocalClock.startingAt(START);

    private static LocalCloud cloud;
    private static LocalSetup setup;

    private LinliCloud() {}

    /** The cloud's now: what the tests write into bodies and compare with, never the machine's. */
    public static Instant now() {
        return CLOCK.instant();
    }

    public static synchronized LocalCloud get() {
        if (cloud == null) {
            // Before any handler builds its SDK clients: budget tests count calls through it.
            org.linli.config.AwsClients.installInterceptor(CallCounter.INSTANCE);
            setup = new LocalSetup();
            cloud = LocalCloud.builder()
                    .template(TemplateLocator.find())
                    .backend(TestClouds.backend())
                    .region(TestClouds.region())
                    .stackName("linli-it")
                    .clock(CLOCK)
                    .port(0)
                    .seed(true)
                    .quiet(true)
                    .customizer(setup)
                    // Throttled WeChat pushes come back after 1 s, 2 s, ... instead of 30 s, 60 s, ...
                    .env("NotificationFunction", "WECHAT_RETRY_BASE_SECONDS", "1")
                    // Reports the fake hotline platform refused come back after 1 s, 2 s, ... instead of 30 s, 60 s, ...
                    .env("HotlineOutboxFunction", "HOTLINE_RETRY_BASE_SECONDS", "1")
                    .start();
            LocalCloud started = cloud;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return cloud;
    }

    /**
     * A cloud of its own (stack {@code stackName}) on the shared backend, with the demo territory: for a
     * suite whose counts or store snapshots must not see what other suites leave behind. The caller closes it.
     */
    public static LocalCloud isolated(String stackName, Clock clock) {
        get(); // installs the call counter before any SDK client exists, as for every suite
        return LocalCloud.builder().template(TemplateLocator.find()).backend(TestClouds.backend()).region(TestClouds.region())
                .stackName(stackName).clock(clock).port(0).seed(true).quiet(true).customizer(new LocalSetup(setup.tokenKeys())).start();
    }

    public static synchronized LocalSetup setup() {
        get();
        return setup;
    }
}
