package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.categories.MatterType;
import org.linli.testing.CaseWorld;

/** The register's filters on a case in memory (the searches' test, and the store's FilterExpression's meaning). */
class RegisterQueryTest {
    private final CaseWorld world = new CaseWorld();

    private RegisterQuery q(String unit, Set<CaseStatus> statuses, String source, Instant from, Instant before, boolean overdue, Instant now) {
        return new RegisterQuery(unit, "S1", statuses, null, null, source, from, before, overdue, now, null, null);
    }

    @Test
    void theUnitMustBeOnTheCasesPath() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        Instant now = c.createdAt();
        assertTrue(q("C1", Set.of(), null, null, null, false, now).matches(c));
        assertTrue(q("S1", Set.of(), null, null, null, false, now).matches(c));
        assertFalse(q("C2", Set.of(), null, null, null, false, now).matches(c));
    }

    @Test
    void statusesSourceAndTheOpenedRangeFilter() {
        Case c = world.fixture(CaseStatus.ACCEPTED);
        Instant at = c.createdAt();
        assertTrue(q("S1", Set.of(CaseStatus.ACCEPTED, CaseStatus.CLOSED), "MINI_PROGRAM", at, at.plusSeconds(1), false, at).matches(c));
        assertFalse(q("S1", Set.of(CaseStatus.CLOSED), null, null, null, false, at).matches(c));
        assertFalse(q("S1", Set.of(), "HOTLINE_12345", null, null, false, at).matches(c));
        assertFalse(q("S1", Set.of(), null, at.plusSeconds(1), null, false, at).matches(c), "opened before the range");
        assertFalse(q("S1", Set.of(), null, null, at, false, at).matches(c), "the range's end is exclusive");
        RegisterQuery other = new RegisterQuery("S1", "S1", Set.of(), "leak", MatterType.HARD, null, null, null, false, at, null, null);
        assertFalse(other.matches(c));
    }

    @Test
    void overdueIsOpenAndPastTheDeadline() {
        Case open = world.fixture(CaseStatus.ASSIGNED);
        Case closed = world.fixture(CaseStatus.CLOSED);
        Instant later = open.deadline().plusSeconds(1);
        assertTrue(q("S1", Set.of(), null, null, null, true, later).matches(open));
        assertFalse(q("S1", Set.of(), null, null, null, true, open.createdAt()).matches(open));
        assertFalse(q("S1", Set.of(), null, null, null, true, later).matches(closed));
        assertEquals(true, q("S1", Set.of(), null, null, null, false, later).wholeStreet());
    }
}
