package org.linli.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.linli.core.ValidationFailed;

class FormatsTest {
    @Test
    void phonesAreMainlandMobilesOrLandlinesWithAreaCode() {
        for (String ok : new String[] {"13812341234", "19900001111", "0351-1234567", "03511234567", "010-12345678"}) {
            assertTrue(Phone.valid(ok), ok);
        }
        for (String bad : new String[] {"12812341234", "1381234123", "138123412345", "351-1234567", "+8613812341234", "", null}) {
            assertFalse(Phone.valid(bad), String.valueOf(bad));
        }
    }

    @Test
    void aPhonesTailIsItsLastFourDigitsWhateverTheWriting() {
        assertEquals("1234", Phone.tail("13812341234"));
        assertEquals("1234", Phone.tail("+86 138-1234-1234"));
        assertEquals("4567", Phone.tail("(0351) 1234567"));
        assertNull(Phone.tail("12-3"));
        assertNull(Phone.tail(null));
    }

    @Test
    void nodeCodesStartWithALetterOrDigitAndHaveAtMost64Characters() {
        for (String ok : new String[] {"DEMO", "DEMO-W1-G1", "d_1", "7", "A".repeat(64)}) assertTrue(NodeCode.valid(ok), ok);
        for (String bad : new String[] {"-DEMO", "_x", "DEMO W1", "DEMO#1", "DEMO/1", "A".repeat(65), "", null}) {
            assertFalse(NodeCode.valid(bad), String.valueOf(bad));
        }
    }

    @Test
    void idempotencyKeysAreOptionalOrRequiredButNeverMalformed() {
        assertNull(IdempotencyKey.optional(null));
        assertEquals("a.b_c:d-1", IdempotencyKey.optional("a.b_c:d-1"));
        assertEquals("k".repeat(128), IdempotencyKey.required("k".repeat(128)));
        ValidationFailed missing = assertThrows(ValidationFailed.class, () -> IdempotencyKey.required(null));
        assertEquals("Idempotency-Key", missing.fields().get(0).field());
        assertThrows(ValidationFailed.class, () -> IdempotencyKey.optional("k".repeat(129)));
        assertThrows(ValidationFailed.class, () -> IdempotencyKey.optional("has space"));
        assertThrows(ValidationFailed.class, () -> IdempotencyKey.required(""));
    }
}
