package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.notify.Notification;
import org.linli.testing.HttpEvents;
import org.linli.testing.InMemoryNotifications;
import org.linli.testing.MutableClock;

class NotificationsApiTest {
    private final InMemoryNotifications inbox = new InMemoryNotifications();
    private final NotificationsApi api = new NotificationsApi(inbox, new MutableClock(Instant.parse("2026-11-23T02:00:00Z")));
    private final Principal me = new Principal("usr_00000000000000000000000001", Set.of(Role.RESIDENT), Set.of());

    @Test
    void listAndMarkRead() {
        String id = "ntf_01JD0000000000000000000000";
        inbox.add(new Notification(id, me.userId(), "case.fed_back", "处置结果已反馈，请评价", "case_00000000000000000000000001",
                "sanitation", "FED_BACK", "evt_x", Instant.parse("2026-11-23T01:00:00Z"), null));
        inbox.add(new Notification("ntf_01JD0000000000000000000001", "usr_other", "case.closed", "t", "case_x", "noise",
                "CLOSED", "evt_y", Instant.parse("2026-11-23T01:00:00Z"), null));
        JsonNode list = Json.parse(api.handleRequest(HttpEvents.of("GET /me/notifications", Map.of(), null, me, Map.of()), null).getBody());
        assertEquals(1, list.path("items").size(), "only mine");
        assertEquals(false, list.path("items").get(0).path("read").asBoolean());
        var read = api.handleRequest(HttpEvents.of("POST /me/notifications/{notificationId}/read", Map.of("notificationId", id),
                "{}", me, Map.of()), null);
        assertEquals(200, read.getStatusCode(), read.getBody());
        assertTrue(inbox.of(me.userId(), 10, null).items().get(0).read());
        assertEquals(404, api.handleRequest(HttpEvents.of("POST /me/notifications/{notificationId}/read",
                Map.of("notificationId", "ntf_01JD0000000000000000000001"), "{}", me, Map.of()), null).getStatusCode(),
                "someone else's");
    }

    @Test
    void aCycleReminderShowsItsTextAndValues_andNoCaseLink() {
        inbox.add(new Notification("ntf_01JD0000000000000000000002", me.userId(), "cycle.evaluate", "请评价志愿服务",
                "您的微心愿已完成服务，请于2026年12月10日前确认并评价。", null, null, null, null, "DEMO:2026-11:evaluate", "DEMO-W1",
                Map.of("deadline", "2026-12-10", "month", "2026-11"), Instant.parse("2026-12-07T16:00:00Z"), null));
        JsonNode item = Json.parse(api.handleRequest(HttpEvents.of("GET /me/notifications", Map.of(), null, me, Map.of()), null)
                .getBody()).path("items").get(0);
        assertEquals("cycle.evaluate", item.path("kind").asText());
        assertEquals("您的微心愿已完成服务，请于2026年12月10日前确认并评价。", item.path("body").asText());
        assertEquals("DEMO:2026-11:evaluate", item.path("cycleId").asText());
        assertEquals("2026-12-10", item.path("values").path("deadline").asText());
        assertTrue(item.path("caseId").isMissingNode() && item.path("links").isMissingNode(), item.toString());
    }
}
