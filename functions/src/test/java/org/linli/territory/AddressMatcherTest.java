package org.linli.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The name matching an address-only request relies on; the walk itself runs in Open311IntegrationTest on the demo map. */
class AddressMatcherTest {
    @Test
    void namesAreFoundWhateverTheSpacingAndWidth() {
        assertTrue(AddressMatcher.contains(AddressMatcher.squeeze("西城街道 柳园社区　3号楼"), "柳园社区"));
        assertTrue(AddressMatcher.contains(AddressMatcher.squeeze("柳园小区３号楼"), "3号楼"));
    }

    @Test
    void aNumberedNameIsNotFoundInsideALongerNumber() {
        assertFalse(AddressMatcher.contains("柳园小区11号楼", "1号楼"));
        assertTrue(AddressMatcher.contains("柳园小区1号楼", "1号楼"));
        assertTrue(AddressMatcher.contains("11号楼旁1号楼", "1号楼"));
    }

    @Test
    void oneCharacterNamesNeverMatch() {
        assertFalse(AddressMatcher.contains("东", "东"));
        assertEquals("", AddressMatcher.squeeze(null));
    }
}
