package org.linli.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linli.adapters.sqs.CaseEventMessage;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CommandParser;
import org.linli.cases.OverdueSweep;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;
import org.linli.testing.InMemoryNotifications;
import org.linli.testing.RecordingOutbox;

/** Who hears of what: each event through the message codec (as the consumer gets it) to the inbox. */
class NotifierTest {
    private final CaseWorld world = new CaseWorld();
    private final InMemoryNotifications inbox = new InMemoryNotifications();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final Notifier notifier = new Notifier(world.territory, inbox, outbox, PushTemplates.fromClasspath());
    private int n;

    /** Delivers the last event as the consumer would receive it and returns recipient → kind. */
    private Map<String, String> deliverLast() {
        CaseEvent e = CaseEventMessage.decode(CaseEventMessage.encode(world.events.last()));
        inbox.byId.clear();
        notifier.deliver(e);
        return inbox.byId.values().stream().collect(Collectors.toMap(Notification::userId, Notification::kind));
    }

    private void act(Case c, CaseAction a, String body, Role role) {
        world.workflow.act(c.id(), CommandParser.parse(a, Json.parse(body), "n" + (++n)), CaseWorld.actor(role));
    }

    @Test
    void theWorkerHearsOfANewCaseAndTheStreetOfAnEscalation() {
        world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER));
        assertEquals(Map.of(CaseWorld.WORKER, "case.assigned"), deliverLast());
        world.clock.advance(Duration.ofDays(1));
        new OverdueSweep(world.table.caseStore, world.workflow, world.clock).run(10);
        assertEquals(Map.of(CaseWorld.STREET_DISPATCHER, "case.escalated", CaseWorld.WORKER, "case.taken",
                CaseWorld.REPORTER, "case.escalated"), deliverLast());
    }

    @Test
    void reportersAndFollowersHearOfEveryOutcomeButNotOfTheirOwnActs() {
        Case c = world.fixture(CaseStatus.RESOLVED);
        world.table.cases.put(c.id(), c.toBuilder().follow(java.util.List.of(), java.util.List.of("usr_0000000000000000000000000F")).build());
        act(c, CaseAction.FEED_BACK, "{}", Role.GRID_WORKER);
        assertEquals(Map.of(CaseWorld.REPORTER, "case.fed_back", "usr_0000000000000000000000000F", "case.fed_back"), deliverLast());
        act(c, CaseAction.VERDICT, "{\"verdict\":\"DISSATISFIED\",\"comment\":\"没修好\"}", Role.RESIDENT);
        assertEquals(Map.of(CaseWorld.WORKER, "case.rework"), deliverLast(), "the reporter gave it; the worker must redo it");
    }

    @Test
    void summonedDepartmentsHearThroughTheirRosters() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        act(c, CaseAction.SUMMON, "{\"departments\":[\"DEPT-P\"]}", Role.STREET_STAFF);
        Map<String, String> got = deliverLast();
        assertEquals("case.summoned", got.get(CaseWorld.DEPT_STAFF));
        assertEquals("case.coordinating", got.get(CaseWorld.REPORTER));
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER));
        CaseEvent e = world.events.last();
        assertEquals(1, notifier.deliver(e));
        assertEquals(0, notifier.deliver(e));
        assertEquals(2, outbox.sent.size(), "case.assigned has a WeChat template: sent on for delivery both times, pushed once there");
        assertEquals(outbox.sent.get(0), outbox.sent.get(1));
        Notification only = inbox.byId.values().iterator().next();
        assertTrue(only.id().startsWith("ntf_"));
        assertEquals("新案卷待受理", only.title());
    }

    @Test
    void theMessageCarriesIdsAndCodesButNoFreeText() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        act(c, CaseAction.RETURN, "{\"reason\":\"不是我的网格, 电话13812341234\",\"note\":\"私人备注\"}", Role.GRID_WORKER);
        String message = CaseEventMessage.encode(world.events.last());
        assertTrue(!message.contains("13812341234") && !message.contains("私人备注"), message);
        CaseEvent back = CaseEventMessage.decode(message);
        assertEquals(world.events.last().eventId(), back.eventId());
        assertEquals(CaseStatus.UNASSIGNED, back.to());
        assertEquals(Set.of(CaseWorld.COMMUNITY), deliverLast().keySet(), "the community's dispatcher: back in his queue");
    }
}
