package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;

/**
 * The per-user abuse limits of the template's defaults (20 reports an hour, 10 wishes a day),
 * over HTTP: the request over the limit is a 429 in the error format with Retry-After and stores
 * nothing; a retry of an accepted request with its Idempotency-Key still answers as the first time.
 */
class RateLimitIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
    }

    private static String newResident() {
        Api.Answer a = api.post("/auth/wechat-login", null, "{\"code\":\"quota_" + UUID.randomUUID().toString().replace("-", "") + "\"}");
        assertEquals(200, a.status(), a.body());
        return a.json().path("accessToken").asText();
    }

    /** Windows are fixed (epoch-aligned): a test starting in a window's last minute moves the cloud's clock into the next one. */
    private static void awayFromTheWindowsEnd(long windowSeconds) {
        long left = windowSeconds - LinliCloud.now().getEpochSecond() % windowSeconds;
        if (left < 60) LinliCloud.CLOCK.advance(Duration.ofSeconds(left + 1));
    }

    private static void assertLimited(Api.Answer a, String what) {
        assertEquals(429, a.status(), a.body());
        assertEquals("TOO_MANY_REQUESTS", a.errorCode());
        int retryAfter = Integer.parseInt(a.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 86_400, a.header("Retry-After"));
        assertTrue(a.json().path("error").path("message").asText().contains(what), a.body());
    }

    @Test
    void theTwentyFirstReportInAnHourIsRefused() {
        awayFromTheWindowsEnd(3600);
        String token = newResident();
        String body = "{\"category\":\"noise\",\"description\":\"夜间施工 %d\",\"location\":{\"lat\":37.8431,\"lng\":113.5852,"
                + "\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"13812341234\"}}";
        String firstKey = null;
        for (int i = 0; i < 20; i++) {
            String key = "limit-" + UUID.randomUUID();
            if (firstKey == null) firstKey = key;
            Api.Answer a = api.call("POST", "/reports", token, String.format(body, i), Map.of("Content-Type", "application/json",
                    "Idempotency-Key", key));
            assertEquals(202, a.status(), a.body());
        }
        Api.Answer over = api.post("/reports", token, String.format(body, 99));
        assertLimited(over, "20 reports per hour");
        assertEquals(20, api.get("/me/reports?limit=50", token).json().path("items").size(), "the refused one is not stored");
        Api.Answer retry = api.call("POST", "/reports", token, String.format(body, 0), Map.of("Content-Type", "application/json",
                "Idempotency-Key", firstKey));
        assertEquals(202, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
    }

    @Test
    void theEleventhWishOfADayIsRefused() {
        awayFromTheWindowsEnd(86_400);
        String token = newResident();
        String wantedBy = ZonedDateTime.ofInstant(LinliCloud.now(), ZoneId.of("Asia/Shanghai")).plusDays(2).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String body = "{\"community\":\"DEMO-W1\",\"title\":\"帮忙买菜 %d\",\"detail\":\"腿脚不便\",\"wantedBy\":\"" + wantedBy
                + "\",\"place\":\"柳园小区3号楼\",\"contact\":{\"phone\":\"13812341234\"}}";
        for (int i = 0; i < 10; i++) {
            Api.Answer a = api.post("/wishes", token, String.format(body, i));
            assertEquals(201, a.status(), a.body());
        }
        Api.Answer over = api.post("/wishes", token, String.format(body, 99));
        assertLimited(over, "10 wishes per day");
        assertEquals(10, api.get("/me/wishes?limit=50", token).json().path("items").size());
    }
}
