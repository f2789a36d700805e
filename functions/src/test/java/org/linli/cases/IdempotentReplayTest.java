package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.identity.Role;
import org.linli.testing.CaseWorld;

/**
 * Issue 13 defect 5: a retry with the same Idempotency-Key always replays. The case and the
 * request record are read in one BatchGetItem, which is not a snapshot: a retry can read the
 * record before the first request wrote it and the case after, see an ACCEPTED case, no record,
 * and refuse 'accept' with 409 INVALID_TRANSITION. Here the store interleaves exactly that way.
 */
class IdempotentReplayTest {
    private final CaseWorld world = new CaseWorld();

    @Test
    void aRetryThatReadsTheRecordBeforeAndTheCaseAfterTheFirstRequestStillReplays() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        Actor worker = CaseWorld.actor(Role.GRID_WORKER);
        Command accept = world.command(CaseAction.ACCEPT);
        CaseStore real = world.table.caseStore;
        CaseWorkflow first = new CaseWorkflow(real, world.events, world.departments, world.categories, world.clock);
        boolean[] interleaved = {false};
        CaseStore torn = (CaseStore) Proxy.newProxyInstance(CaseStore.class.getClassLoader(), new Class<?>[] {CaseStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("load") && !interleaved[0]) {
                        interleaved[0] = true;
                        Optional<CaseStore.RequestRecord> record = real.load((String) args[0], (String) args[1]).request(); // none yet
                        first.act(c.id(), accept, worker); // the first request commits between the two reads
                        return new CaseStore.Loaded(real.find((String) args[0]), record);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CaseWorkflow retry = new CaseWorkflow(torn, world.events, world.departments, world.categories, world.clock);
        CaseWorkflow.Outcome o = retry.act(c.id(), accept, worker);
        assertTrue(interleaved[0]);
        assertTrue(o.replayed(), "the retry replays");
        assertEquals(CaseStatus.ACCEPTED, o.c().status());
        assertEquals(2, o.c().version());
        assertEquals(2, world.table.trail(c.id()).size(), "one transition stored");
    }

    @Test
    void aDifferentRequestThatFindsTheCaseMovedOnIsStillRefused() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        Actor worker = CaseWorld.actor(Role.GRID_WORKER);
        world.workflow.act(c.id(), world.command(CaseAction.ACCEPT), worker);
        org.linli.core.Conflict refused = org.junit.jupiter.api.Assertions.assertThrows(org.linli.core.Conflict.class,
                () -> world.workflow.act(c.id(), world.command(CaseAction.ACCEPT), worker));
        assertEquals("INVALID_TRANSITION", refused.code());
        assertFalse(world.table.trail(c.id()).size() > 2);
    }
}
