package org.linli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.config.Env;

/** One wiring per function environment, its clock the environment's, each port built once and only when asked for. */
class WiringTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-18T02:00:00Z"), ZoneOffset.UTC);

    private static Map<String, String> env(String function, String... more) {
        Map<String, String> m = new HashMap<>(Map.of("AWS_REGION", "cn-north-1", "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_SESSION_TOKEN", "", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "",
                "LINLI_ENDPOINT_DYNAMODB", "http://127.0.0.1:9", "AWS_LAMBDA_FUNCTION_NAME", function));
        for (int i = 0; i + 1 < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private static Wiring wiring(Map<String, String> variables, Clock clock) throws Exception {
        return Env.scoped(variables, clock, Wiring::current);
    }

    @Test
    void oneWiringPerFunctionEnvironment() throws Exception {
        Wiring a = wiring(env("fn-a"), FIXED);
        assertSame(a, wiring(env("fn-a"), FIXED), "the same environment: the same ports");
        assertNotSame(a, wiring(env("fn-b"), FIXED), "another function of the local cloud");
        assertNotSame(a, wiring(env("fn-a"), Clock.systemUTC()), "another cloud's clock");
    }

    @Test
    void theClockIsTheEnvironments() throws Exception {
        assertEquals(FIXED.instant(), wiring(env("fn-clock"), FIXED).clock().instant());
    }

    @Test
    void portsAreBuiltOnceAndOnlyWhenAskedFor() throws Exception {
        Map<String, String> cases = env("fn-cases", "CASES_TABLE", "linli-cases");
        Wiring w = wiring(cases, FIXED);
        // Inside the function's environment, as the local cloud invokes it (the SDK client reads its region there).
        assertTrue(Env.scoped(cases, FIXED, () -> w.caseStore() == w.caseStore()));
        assertSame(w.categories(), w.categories());
        // A variable the function's template entry does not set fails the port that needs it, not the wiring.
        Wiring without = wiring(env("fn-no-territory"), FIXED);
        IllegalStateException e = assertThrows(IllegalStateException.class, without::departments);
        assertTrue(e.getMessage().contains("TERRITORY_TABLE"), e.getMessage());
    }

    @Test
    void knobsHaveTheTemplatesDefaults() throws Exception {
        Wiring w = wiring(env("fn-knobs"), FIXED);
        assertEquals(Wiring.DEFAULT_RESERVE_MS, w.dispatchReserveMillis());
        assertEquals(30, w.weChatRetryBaseSeconds());
        assertEquals("linli", w.open311Jurisdiction());
        assertEquals(null, w.reportRateLimit(), "off");
        Wiring set = wiring(env("fn-knobs-set", "WECHAT_RETRY_BASE_SECONDS", "1", "LINLI_STAGE", "prod",
                "REPORT_RATE_LIMIT", "20/PT1H"), FIXED);
        assertEquals(1, set.weChatRetryBaseSeconds());
        assertTrue(set.production());
        assertEquals(20, set.reportRateLimit().limit());
    }
}
