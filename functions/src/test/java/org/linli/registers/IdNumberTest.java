package org.linli.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdNumberTest {
    @Test
    void theCheckCharacterOfGb11643IsVerified() {
        // The standard's own example (GB 11643-1999 annex): 11010519491231002X.
        assertTrue(IdNumber.valid("11010519491231002X"));
        assertTrue(IdNumber.valid(IdNumber.normalise(" 11010519491231002x ")));
        assertFalse(IdNumber.valid("110105194912310021"), "wrong check character");
        assertFalse(IdNumber.valid("11010519491231002"), "17 characters");
        String feb30 = "14030219500230001";
        assertFalse(IdNumber.valid(feb30 + IdNumber.checkCharacter(feb30)), "no 30 February");
        String ok = "14030219500315002";
        assertTrue(IdNumber.valid(ok + IdNumber.checkCharacter(ok)));
    }

    @Test
    void listsShowTheRegionAndTheLastFourOnly() {
        assertEquals("110105********002X", IdNumber.mask("11010519491231002X"));
    }
}
